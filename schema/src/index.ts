import 'reflect-metadata';

export * from './subgraphs';
export * from './errors/domain-error';
export * from './localized/lang.enum';
export * from './localized/localized-text';
export * from './geo/geo';
export * from './pagination/connection';
export * from './territory/kato-classifier';
export * from './territory/territory.type';
export * from './territory/territory.resolver';
export * from './federation/build-federated-schema';
export * from './evidence/evidence-token';
export * from './calendar/calendar-day';
