export * from './subgraphs';
export * from './errors/error-codes';
export * from './evidence/evidence-token';
export * from './notifications/notification-event';
