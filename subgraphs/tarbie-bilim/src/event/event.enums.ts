import { registerEnumType } from 'type-graphql';

export enum EventKind {
  COMPETITION = 'COMPETITION',
  OLYMPIAD = 'OLYMPIAD',
  YOUNG_HISTORIANS_RALLY = 'YOUNG_HISTORIANS_RALLY',
  CONFERENCE = 'CONFERENCE',
  EXCURSION = 'EXCURSION',
  MUSEUM_LESSON = 'MUSEUM_LESSON',
  WEEK_IN_THE_VILLAGE = 'WEEK_IN_THE_VILLAGE',
  WEEK_IN_THE_CITY = 'WEEK_IN_THE_CITY',
  MASTER_CLASS = 'MASTER_CLASS',
  WEBINAR = 'WEBINAR',
  EXPEDITION = 'EXPEDITION',
}

export enum BaseProject {
  OLKETANU = 'OLKETANU',
  OTANYM_TAGDYRYM = 'OTANYM_TAGDYRYM',
  SANALY_AZAMAT = 'SANALY_AZAMAT',
}

export enum EventStatus {
  PLANNED = 'PLANNED',
  REGISTRATION_OPEN = 'REGISTRATION_OPEN',
  ONGOING = 'ONGOING',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

/** Allowed status moves; COMPLETED and CANCELLED are final. */
export const EVENT_TRANSITIONS: Readonly<Record<EventStatus, readonly EventStatus[]>> = {
  [EventStatus.PLANNED]: [EventStatus.REGISTRATION_OPEN, EventStatus.CANCELLED],
  [EventStatus.REGISTRATION_OPEN]: [EventStatus.ONGOING, EventStatus.CANCELLED],
  [EventStatus.ONGOING]: [EventStatus.COMPLETED, EventStatus.CANCELLED],
  [EventStatus.COMPLETED]: [],
  [EventStatus.CANCELLED]: [],
};

registerEnumType(EventKind, {
  name: 'EventKind',
  description: 'Kind of a Tarbie-Bilim event',
  valuesConfig: {
    YOUNG_HISTORIANS_RALLY: { description: 'Rally (slet) of young historians' },
    WEEK_IN_THE_VILLAGE: { description: '"A week in the village" exchange' },
    WEEK_IN_THE_CITY: { description: '"A week in the city" exchange' },
  },
});
registerEnumType(BaseProject, {
  name: 'BaseProject',
  description: 'Base project of the Tarbie-Bilim subprogramme',
  valuesConfig: {
    OLKETANU: { description: '"Olketanu": local history' },
    OTANYM_TAGDYRYM: { description: '"Otanym - tagdyrym": patriotic education' },
    SANALY_AZAMAT: { description: '"Sanaly azamat": career guidance' },
  },
});
registerEnumType(EventStatus, { name: 'EventStatus', description: 'PLANNED -> REGISTRATION_OPEN -> ONGOING -> COMPLETED, or CANCELLED before completion' });
