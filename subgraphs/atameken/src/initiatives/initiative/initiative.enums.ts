import { registerEnumType } from 'type-graphql';

export enum InitiativeKind {
  SOCIAL = 'SOCIAL',
  INFRASTRUCTURE = 'INFRASTRUCTURE',
  MATERIAL_AID = 'MATERIAL_AID',
  LOGISTICS = 'LOGISTICS',
  CHARITY_EVENT = 'CHARITY_EVENT',
}

export enum InitiativeDirection {
  ECOLOGY_AND_AMENITIES = 'ECOLOGY_AND_AMENITIES',
  HOUSING_AND_UTILITIES = 'HOUSING_AND_UTILITIES',
  EDUCATION = 'EDUCATION',
  HEALTH = 'HEALTH',
  CULTURE = 'CULTURE',
  SPORT = 'SPORT',
  CONSTRUCTION_AND_REPAIR = 'CONSTRUCTION_AND_REPAIR',
  TOURISM = 'TOURISM',
  VULNERABLE_GROUPS = 'VULNERABLE_GROUPS',
}

export enum InitiativeCategory {
  A = 'A',
  B = 'B',
}

export enum InitiativeStatus {
  INITIATED = 'INITIATED',
  IN_PROGRESS = 'IN_PROGRESS',
  IMPLEMENTED = 'IMPLEMENTED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum InitiativeAuthorKind {
  CITIZEN = 'CITIZEN',
  NGO = 'NGO',
}

registerEnumType(InitiativeAuthorKind, { name: 'InitiativeAuthorKind', description: 'Who proposed an initiative: a citizen (never named) or an NGO' });
registerEnumType(InitiativeKind, {
  name: 'InitiativeKind',
  valuesConfig: { LOGISTICS: { description: 'Logistics and equipment' } },
});
registerEnumType(InitiativeDirection, { name: 'InitiativeDirection' });
registerEnumType(InitiativeCategory, {
  name: 'InitiativeCategory',
  valuesConfig: {
    A: { description: 'Needs support: patrons, sponsors, volunteers or the budget' },
    B: { description: 'Offered by a donor (patron, sponsor)' },
  },
});
registerEnumType(InitiativeStatus, {
  name: 'InitiativeStatus',
  valuesConfig: {
    INITIATED: { description: 'Proposed, looking for resources' },
    IN_PROGRESS: { description: 'Resources found, being implemented' },
    IMPLEMENTED: { description: 'Done' },
  },
});
