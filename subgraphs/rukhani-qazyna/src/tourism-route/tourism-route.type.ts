import { Connection, Territory } from '@rz/schema';
import { Directive, Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { TourismRouteStatus, TourismRouteType } from './tourism-route.enums';

@ObjectType({ description: 'Business contacts of a tour operator running the route' })
export class TourOperatorContact {
  @Field(() => String) name: string;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => String, { nullable: true }) website: string | null;
}

/** Root value: TourismRouteEntity; names, stops and territories are field resolvers. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A tourism route: ordered stops at monuments or named points' })
export class TourismRoute {
  @Field(() => ID)
  id: string;

  @Field(() => TourismRouteType)
  type: TourismRouteType;

  @Field(() => TourismRouteStatus)
  status: TourismRouteStatus;

  @Field(() => Float, { nullable: true, description: 'Planned duration in hours (72 for a three-day trip)' })
  durationHours: number | null;

  @Field(() => Float, { description: 'Sum of great-circle distances between consecutive stops, in km; recomputed whenever the stops change' })
  lengthKm: number;

  @Field(() => [TourOperatorContact])
  tourOperators: TourOperatorContact[];

  @Field(() => GraphQLISODateTime, { nullable: true })
  publishedAt: Date | null;
}

/** Root value: RouteStopView. */
@ObjectType({ description: 'A stop of a route' })
export class TourismRouteStop {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '1 for the first stop' })
  position: number;

  @Field(() => Float, { nullable: true, description: 'Great-circle distance from the previous stop, in km; null for the first' })
  distanceFromPreviousKm: number | null;
}

@ObjectType()
export class TourismRouteConnection extends Connection(TourismRoute) {}

@ObjectType()
export class TourismRouteTypeCount {
  @Field(() => TourismRouteType) type: TourismRouteType;
  @Field(() => Int) routes: number;
}

@ObjectType({ description: 'Published routes through a region' })
export class TourismRouteRegionIndicators {
  @Field(() => Territory) region: unknown;
  @Field(() => Int, { description: 'Published routes with a stop in the region' }) routes: number;
  @Field(() => [TourismRouteTypeCount]) byType: TourismRouteTypeCount[];
  @Field(() => Int, { description: 'Local routes (every stop in this region) with at least one monument stop' }) localRoutesWithMonuments: number;
}

@ObjectType({ description: 'Published tourism routes: per type and per region' })
export class TourismRouteIndicators {
  @Field(() => Int) routes: number;
  @Field(() => [TourismRouteTypeCount]) byType: TourismRouteTypeCount[];
  @Field(() => Int, { description: 'Local routes (all stops in one region) that stop at a monument' }) localRoutesWithMonuments: number;
  @Field(() => [TourismRouteRegionIndicators], { description: 'Regions in classifier order' }) byRegion: TourismRouteRegionIndicators[];
}
