import { registerEnumType } from 'type-graphql';

export enum EventParticipantKind {
  STUDENT = 'STUDENT',
  TEACHER = 'TEACHER',
}

export enum EventRegistrationStatus {
  CONFIRMED = 'CONFIRMED',
  WAITING = 'WAITING',
  CANCELLED = 'CANCELLED',
}

registerEnumType(EventParticipantKind, { name: 'EventParticipantKind', description: 'Who takes part: a student (with grade) or a teacher' });
registerEnumType(EventRegistrationStatus, {
  name: 'EventRegistrationStatus',
  description: 'CONFIRMED holds a place; WAITING is on the waiting list (promoted in registration order); CANCELLED frees the place',
});
