import { registerEnumType } from 'type-graphql';

export enum MediaPlanStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
}

export enum MediaPlanPeriodKind {
  YEAR = 'YEAR',
  QUARTER = 'QUARTER',
}

registerEnumType(MediaPlanStatus, {
  name: 'MediaPlanStatus',
  description: 'DRAFT -> SUBMITTED -> APPROVED, or SUBMITTED -> RETURNED (with remarks) -> SUBMITTED again',
});
registerEnumType(MediaPlanPeriodKind, { name: 'MediaPlanPeriodKind', description: 'A plan covers a whole year or one quarter' });
