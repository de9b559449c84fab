import { registerEnumType } from 'type-graphql';

export enum ComplaintTopic {
  HOUSING_AND_UTILITIES = 'HOUSING_AND_UTILITIES',
  ROADS = 'ROADS',
  TRANSPORT = 'TRANSPORT',
  ECOLOGY = 'ECOLOGY',
  PUBLIC_AMENITIES = 'PUBLIC_AMENITIES',
  MONUMENT_DAMAGE = 'MONUMENT_DAMAGE',
  OTHER = 'OTHER',
}

export enum ComplaintStatus {
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  IN_PROGRESS = 'IN_PROGRESS',
  RESOLVED = 'RESOLVED',
  RESOLVED_BY_CITIZENS = 'RESOLVED_BY_CITIZENS',
  REJECTED = 'REJECTED',
  DUPLICATE = 'DUPLICATE',
}

/** The role an actor acted in; the person behind it is never published. */
export enum ComplaintActorRole {
  CITIZEN = 'CITIZEN',
  VOLUNTEER = 'VOLUNTEER',
  NGO = 'NGO',
  PATRON = 'PATRON',
  AKIMAT_OFFICER = 'AKIMAT_OFFICER',
  PROJECT_OFFICE = 'PROJECT_OFFICE',
  MINISTRY_EDITOR = 'MINISTRY_EDITOR',
  ADMIN = 'ADMIN',
}

/** The portal's traffic light: red while the akimat works on it, green when solved. */
export enum ComplaintIndicator {
  RED = 'RED',
  GREEN = 'GREEN',
  GREY = 'GREY',
}

registerEnumType(ComplaintTopic, { name: 'ComplaintTopic' });
registerEnumType(ComplaintStatus, {
  name: 'ComplaintStatus',
  valuesConfig: {
    RESOLVED: { description: 'Solved by state bodies' },
    RESOLVED_BY_CITIZENS: { description: 'Solved by citizens themselves' },
    REJECTED: { description: 'Rejected with a reason' },
  },
});
registerEnumType(ComplaintActorRole, { name: 'ComplaintActorRole', description: 'Role in which someone changed a complaint' });
registerEnumType(ComplaintIndicator, {
  name: 'ComplaintIndicator',
  valuesConfig: {
    RED: { description: 'Open: submitted, accepted or in progress' },
    GREEN: { description: 'Resolved, by state bodies or by citizens' },
    GREY: { description: 'Closed without a solution: rejected or duplicate' },
  },
});
