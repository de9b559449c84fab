import { Field, Float, Int, ObjectType } from 'type-graphql';
import { MediaChannel } from '../media-item/media-item.enums';

@ObjectType({ description: 'Published items of one channel and the audience they reached' })
export class MediaChannelReach {
  @Field(() => MediaChannel)
  channel: MediaChannel;

  @Field(() => Int)
  published: number;

  @Field(() => Float, { description: 'Sum of the published items\' reach (a whole number)' })
  reach: number;
}

@ObjectType({ description: 'How a media plan is carried out: its items by outcome, and reach by channel' })
export class MediaPlanExecution {
  @Field(() => Int, { description: 'Every item of the plan, whatever its status' })
  itemsPlanned: number;

  @Field(() => Int, { description: 'Published on or before the planned date' })
  publishedOnTime: number;

  @Field(() => Int, { description: 'Published after the planned date' })
  publishedLate: number;

  @Field(() => Int)
  cancelled: number;

  @Field(() => Int, { description: 'Still PLANNED' })
  pending: number;

  @Field(() => Int, { description: 'Still PLANNED although the planned date has passed (Kazakhstan time)' })
  overdue: number;

  @Field(() => Float, { description: 'Reach of all published items (a whole number)' })
  reach: number;

  @Field(() => [MediaChannelReach], { description: 'Every channel, in the order of MediaChannel, zeros included' })
  reachByChannel: MediaChannelReach[];
}
