import { Field, Int, ObjectType } from 'type-graphql';
import { ComplaintTopic } from '../complaint/complaint.enums';

@ObjectType({ description: 'How many working days the akimat has to resolve complaints on a topic' })
export class ComplaintTopicDeadline {
  @Field(() => ComplaintTopic)
  topic: ComplaintTopic;

  @Field(() => Int, { description: 'Working days (Monday to Friday) after the filing day; public holidays are not excluded' })
  workingDays: number;

  @Field({ description: 'Whether this is the default deadline rather than one set for the topic' })
  isDefault: boolean;
}
