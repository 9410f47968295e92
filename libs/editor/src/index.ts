export * from './plain-text';
export * from './schema';
export * from './page-break';
export * from './document-node';
export * from './outline';
export * from './render-html';
export * from './diff';
export * from './replace-content';
