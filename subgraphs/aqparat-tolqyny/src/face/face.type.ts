import { Connection, Territory, type TerritoryNode } from '@rz/schema';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { FaceEntity } from './face.entity';
import { FaceSphere, FaceStatus } from './face.enums';

/**
 * Root value: FaceEntity; territory, story, support and media fields live in FaceResolver.
 * Who entered the nomination and who supports it are personal data and have no field here.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person nominated to "100 new faces": significant to their district and not already constantly in the media' })
export class Face {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => FaceSphere)
  sphere: FaceSphere;

  @Field(() => FaceStatus)
  status: FaceStatus;

  @Field(() => String, { description: 'Public label of the organisation or meeting that nominated the person' })
  nominatedBy: string;

  @Field(() => String, { nullable: true, description: 'Why the nomination was declined' })
  declineReason: string | null;

  @Field(() => Date)
  nominatedAt: Date;

  @Field(() => Date)
  statusChangedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When a published media item featured the face' })
  featuredAt: Date | null;
}

@ObjectType()
export class FaceConnection extends Connection(Face) {}

@ObjectType({ description: 'A place in the shortlist ranking' })
export class FaceShortlistEntry {
  @Field(() => Int, { description: '1 for the most supported; ties go to the earlier nomination' })
  rank: number;

  @Field(() => Int)
  supportCount: number;

  @Field(() => Face)
  face: FaceEntity;
}

@ObjectType({ description: 'Faces of one region by status' })
export class FaceRegionProgress {
  @Field(() => Territory)
  region: TerritoryNode;

  @Field(() => Int) nominated: number;
  @Field(() => Int) shortlisted: number;
  @Field(() => Int, { description: 'Selected, not featured yet' }) selected: number;
  @Field(() => Int) featured: number;
  @Field(() => Int) declined: number;

  @Field(() => Int, { description: 'selected + featured: what the region adds towards the republic\'s target' })
  chosen: number;
}

@ObjectType({ description: '"100 new faces" across the republic: selected and featured faces against the target' })
export class FaceProgress {
  @Field(() => Int, { description: 'Faces the republic is to present: 100' })
  target: number;

  @Field(() => Int, { description: 'Selected, not featured yet' })
  selected: number;

  @Field(() => Int)
  featured: number;

  @Field(() => Int, { description: 'selected + featured' })
  chosen: number;

  @Field(() => Int, { description: 'How many are still to be chosen to reach the target (never below 0)' })
  remaining: number;

  @Field(() => [FaceRegionProgress], { description: 'Every region and city of republican significance, in classifier order' })
  regions: FaceRegionProgress[];
}
