import type { BoundingBoxInput } from '@rz/schema';

/** Same radius as distanceKm() in @rz/schema, so SQL and TypeScript distances agree. */
export const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;

/** Great-circle (haversine) distance in km, as SQL, from the row's lat/lon to the :lat/:lon parameters. */
export function haversineSql(alias: string): string {
  return `(2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(
    power(sin(radians(${alias}.lat - :lat) / 2), 2)
    + cos(radians(:lat)) * cos(radians(${alias}.lat)) * power(sin(radians(${alias}.lon - :lon) / 2), 2)))))`;
}

/**
 * The smallest latitude/longitude box holding every point within radiusKm of the
 * centre: an index-friendly prefilter before the exact distance.
 */
export function boxAround(centre: { lat: number; lon: number }, radiusKm: number): BoundingBoxInput {
  const dLat = radiusKm / KM_PER_DEGREE;
  // Longitude degrees shrink towards the poles: widen by the box edge farthest from the equator.
  const farthestLat = Math.min(89.9, Math.abs(centre.lat) + dLat);
  const dLon = Math.min(180, dLat / Math.cos((farthestLat * Math.PI) / 180));
  return { south: centre.lat - dLat, north: centre.lat + dLat, west: centre.lon - dLon, east: centre.lon + dLon };
}

/** Words of a search text; every word must occur in one of the names. */
export function searchWords(text: string | null | undefined): string[] {
  return (text ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8);
}
