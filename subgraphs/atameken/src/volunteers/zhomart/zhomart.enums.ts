import { registerEnumType } from 'type-graphql';

export enum ZhomartNomination {
  MOST_ACTIVE_VOLUNTEER = 'MOST_ACTIVE_VOLUNTEER',
  FAVOURITE_VOLUNTEER = 'FAVOURITE_VOLUNTEER',
  BEST_PATRON = 'BEST_PATRON',
  BEST_NGO = 'BEST_NGO',
  INVESTOR = 'INVESTOR',
  HONORARY_CITIZEN = 'HONORARY_CITIZEN',
}

export enum ZhomartPeriodKind {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}

export const RANKED_NOMINATIONS: readonly ZhomartNomination[] = [
  ZhomartNomination.MOST_ACTIVE_VOLUNTEER,
  ZhomartNomination.FAVOURITE_VOLUNTEER,
  ZhomartNomination.BEST_PATRON,
];

registerEnumType(ZhomartNomination, {
  name: 'ZhomartNomination',
  description: 'Zhomart Zhurek nominations; the first three are ranked from the data, the others are named by the committee',
  valuesConfig: {
    MOST_ACTIVE_VOLUNTEER: { description: 'Ranked by people helped in confirmed help records given in the scope during the period' },
    FAVOURITE_VOLUNTEER: { description: 'Ranked by positive reviews written during the period, of volunteers of the scope' },
    BEST_PATRON: { description: 'Ranked by tenge pledged on initiatives of the scope implemented during the period' },
    BEST_NGO: { description: 'Named by the committee' },
    INVESTOR: { description: 'Named by the committee' },
    HONORARY_CITIZEN: { description: 'Named by the committee' },
  },
});
registerEnumType(ZhomartPeriodKind, { name: 'ZhomartPeriodKind', description: 'Calendar month, quarter or year' });
