import { IsOptional, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType()
export class EventResultInput {
  @Field(() => ID, { description: 'A CONFIRMED registration of the event' })
  @IsUUID('all', { message: 'registration must be a registration id' })
  registration: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(1000)
  placing?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  award?: string;
}
