import { registerEnumType } from 'type-graphql';

export enum DistrictReportStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  RETURNED = 'RETURNED',
}

registerEnumType(DistrictReportStatus, {
  name: 'DistrictReportStatus',
  description: 'DRAFT -> SUBMITTED -> ACCEPTED, or SUBMITTED -> RETURNED (with remarks) -> SUBMITTED again',
});
