// Joint projects and external funding (issue 15): money in grosze, the sharing of costs and the pipeline's steps. Pure
// code, exact arithmetic.
export * from './money';
export * from './cost-sharing';
export * from './pipeline';
export * from './statement';
export * from './indicators';
export * from './monitoring';
