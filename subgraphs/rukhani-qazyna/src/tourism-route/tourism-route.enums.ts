import { registerEnumType } from 'type-graphql';

export enum TourismRouteType {
  AUTO = 'AUTO',
  CAMPING = 'CAMPING',
  FAMILY = 'FAMILY',
  CARAVAN = 'CARAVAN',
  WALKING = 'WALKING',
  CHILDREN_YOUTH = 'CHILDREN_YOUTH',
  /** "Know Kazakhstan" (Узнай Казахстан) family car routes across regions. */
  KNOW_KAZAKHSTAN_NORTH_SOUTH = 'KNOW_KAZAKHSTAN_NORTH_SOUTH',
  KNOW_KAZAKHSTAN_EAST_WEST = 'KNOW_KAZAKHSTAN_EAST_WEST',
}

export enum TourismRouteStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}

registerEnumType(TourismRouteType, {
  name: 'TourismRouteType',
  description: 'Auto, camping, family, caravan, walking, children and youth, or "Know Kazakhstan" north-south / east-west',
});
registerEnumType(TourismRouteStatus, { name: 'TourismRouteStatus', description: 'Drafts are seen only by those who may edit them' });
