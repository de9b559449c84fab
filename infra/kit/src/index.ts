export * from './config/parse-config';
export * from './config/settings';
export * from './logging/logger';
export * from './auth/token-verifier';
export * from './process/run-service';
