export * from './subgraphs';
export * from './errors/error-codes';
export * from './evidence/evidence-token';
