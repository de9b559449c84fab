import 'reflect-metadata';

export * from '@rz/contract';
export * from './errors/domain-error';
export * from './localized/lang.enum';
export * from './localized/localized-text';
export * from './localized/localized-columns';
export * from './geo/geo';
export * from './pagination/connection';
export * from './territory/kato-classifier';
export * from './territory/kato-code.validator';
export * from './text/plain-text';
export * from './territory/territory.type';
export * from './territory/territory.resolver';
export * from './territory/territory-connection';
export * from './federation/build-federated-schema';
export * from './federation/entity-ref';
export * from './calendar/calendar-day';
export * from './calendar/working-calendar';
