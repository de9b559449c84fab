import { registerEnumType } from 'type-graphql';

export enum MonumentType {
  ARCHAEOLOGICAL = 'ARCHAEOLOGICAL',
  ARCHITECTURAL = 'ARCHITECTURAL',
  URBAN_PLANNING = 'URBAN_PLANNING',
  MONUMENTAL_ART = 'MONUMENTAL_ART',
  SACRED_SITE = 'SACRED_SITE',
}

export enum MonumentSignificance {
  REPUBLICAN = 'REPUBLICAN',
  LOCAL = 'LOCAL',
}

export enum MonumentCondition {
  GOOD = 'GOOD',
  SATISFACTORY = 'SATISFACTORY',
  POOR = 'POOR',
  EMERGENCY = 'EMERGENCY',
}

registerEnumType(MonumentType, { name: 'MonumentType' });
registerEnumType(MonumentSignificance, { name: 'MonumentSignificance', description: 'Republican or local significance' });
registerEnumType(MonumentCondition, { name: 'MonumentCondition' });
