export * from './organisations';
export * from './roles';
export * from './permissions';
export * from './canonical-json';
export * from './passwords';
export * from './documents';
export * from './consultations';
export * from './decisions';
