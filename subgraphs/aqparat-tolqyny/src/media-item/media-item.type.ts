import { Lang } from '@rz/schema';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MediaChannel, MediaItemStatus, MediaLevel } from './media-item.enums';

/** Root value: MediaItemEntity; plan, subjects and timeliness live in MediaItemResolver. */
@ObjectType({ description: 'One planned publication or broadcast of a media plan; later PUBLISHED or CANCELLED' })
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

  @Field(() => String, { nullable: true, description: 'Where the item appeared (http or https URL); set once PUBLISHED' })
  link: string | null;

  @Field(() => String, { nullable: true, description: 'Day it appeared (YYYY-MM-DD); set once PUBLISHED' })
  publishedOn: string | null;

  @Field(() => Int, { nullable: true, description: 'Audience reached (viewers, listeners, readers, views); set once PUBLISHED' })
  reach: number | null;

  @Field(() => String, { nullable: true, description: 'Why a CANCELLED item was dropped, if given' })
  cancellationReason: string | null;

  @Field(() => Date)
  createdAt: Date;
}
