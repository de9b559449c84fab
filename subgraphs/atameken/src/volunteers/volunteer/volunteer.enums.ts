import { registerEnumType } from 'type-graphql';

export enum VolunteerHelpKind {
  CONSULTING = 'CONSULTING',
  TEACHING = 'TEACHING',
  PHYSICAL_HELP = 'PHYSICAL_HELP',
  TRANSPORT = 'TRANSPORT',
  OTHER = 'OTHER',
}

export enum VolunteerWeekday {
  MON = 'MON',
  TUE = 'TUE',
  WED = 'WED',
  THU = 'THU',
  FRI = 'FRI',
  SAT = 'SAT',
  SUN = 'SUN',
}

registerEnumType(VolunteerHelpKind, { name: 'VolunteerHelpKind', description: 'Kinds of help a volunteer offers or a person needs' });
registerEnumType(VolunteerWeekday, { name: 'VolunteerWeekday' });
