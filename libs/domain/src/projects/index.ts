// Joint projects and external funding (issue 15): money in grosze and the sharing of costs. Pure code, exact arithmetic.
export * from './money';
export * from './cost-sharing';
