import { Max, Min } from 'class-validator';
import { Directive, Field, Float, InputType, ObjectType } from 'type-graphql';

/** Kazakhstan's bounding box with a small margin; coordinates outside it are input errors. */
export const KAZAKHSTAN_BOUNDS = { south: 40.5, north: 55.5, west: 46.4, east: 87.4 } as const;

@ObjectType({ description: 'A WGS 84 point' })
export class GeoPoint {
  @Directive('@shareable')
  @Field(() => Float)
  lat: number;

  @Directive('@shareable')
  @Field(() => Float)
  lon: number;
}

@InputType({ description: 'A WGS 84 point inside Kazakhstan' })
export class GeoPointInput {
  @Field(() => Float)
  @Min(KAZAKHSTAN_BOUNDS.south, { message: 'lat must be inside Kazakhstan (40.5 to 55.5)' })
  @Max(KAZAKHSTAN_BOUNDS.north, { message: 'lat must be inside Kazakhstan (40.5 to 55.5)' })
  lat: number;

  @Field(() => Float)
  @Min(KAZAKHSTAN_BOUNDS.west, { message: 'lon must be inside Kazakhstan (46.4 to 87.4)' })
  @Max(KAZAKHSTAN_BOUNDS.east, { message: 'lon must be inside Kazakhstan (46.4 to 87.4)' })
  lon: number;
}

@InputType({ description: 'A map viewport: south-west and north-east corners' })
export class BoundingBoxInput {
  @Field(() => Float) @Min(-90) @Max(90) south: number;
  @Field(() => Float) @Min(-180) @Max(180) west: number;
  @Field(() => Float) @Min(-90) @Max(90) north: number;
  @Field(() => Float) @Min(-180) @Max(180) east: number;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
