import { registerEnumType } from 'type-graphql';

export enum FaceSphere {
  BUSINESS = 'BUSINESS',
  CULTURE = 'CULTURE',
  SCIENCE = 'SCIENCE',
  SPORT = 'SPORT',
  EDUCATION = 'EDUCATION',
  MEDICINE = 'MEDICINE',
  PUBLIC_SERVICE = 'PUBLIC_SERVICE',
  VOLUNTEERING = 'VOLUNTEERING',
  OTHER = 'OTHER',
}

export enum FaceStatus {
  NOMINATED = 'NOMINATED',
  SHORTLISTED = 'SHORTLISTED',
  SELECTED = 'SELECTED',
  FEATURED = 'FEATURED',
  DECLINED = 'DECLINED',
}

registerEnumType(FaceSphere, { name: 'FaceSphere', description: 'Where a "new face" made their name' });
registerEnumType(FaceStatus, {
  name: 'FaceStatus',
  description: 'NOMINATED -> SHORTLISTED -> SELECTED -> FEATURED (set when a published media item covers the face), or DECLINED',
});
