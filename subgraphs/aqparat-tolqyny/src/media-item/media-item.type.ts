import { Lang } from '@rz/schema';
import { Field, ID, ObjectType } from 'type-graphql';
import { MediaChannel, MediaItemStatus, MediaLevel } from './media-item.enums';

/** Root value: MediaItemEntity; plan and subjects live in MediaItemResolver. */
@ObjectType({ description: 'One planned publication or broadcast of a media plan' })
export class MediaPlanItem {
  @Field(() => ID)
  id: string;

  @Field(() => MediaChannel)
  channel: MediaChannel;

  @Field(() => String, { description: 'TV channel, radio station, newspaper, site or account, e.g. «Хабар»' })
  outlet: string;

  @Field(() => MediaLevel)
  level: MediaLevel;

  @Field(() => String, { description: 'Report, interview, feature article, post, ...' })
  format: string;

  @Field(() => String, { nullable: true })
  rubric: string | null;

  @Field(() => String, { description: 'YYYY-MM-DD, inside the plan\'s period' })
  plannedDate: string;

  @Field(() => Lang)
  language: Lang;

  @Field(() => MediaItemStatus)
  status: MediaItemStatus;

  @Field(() => Date)
  createdAt: Date;
}
