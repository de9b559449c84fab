import { IsKatoCode } from '@rz/schema';
import { IsOptional, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { EventParticipantKind, EventRegistrationStatus } from './registration.enums';

@InputType({ description: 'The details an event needs about its participant' })
export class EventRegistrationInput {
  @Field(() => EventParticipantKind)
  kind: EventParticipantKind;

  @Field(() => Int, { nullable: true, description: 'Required for a student (1 to 12); omit for a teacher' })
  @IsOptional()
  @Min(1)
  @Max(12)
  grade?: number;

  @Field({ nullable: true, description: 'Name of the participant as the organisers should know it; shown to the event\'s organisers only' })
  @IsOptional()
  @MaxLength(200)
  participantName?: string;

  @Field({ description: 'Name of the school' })
  @MinLength(1)
  @MaxLength(300)
  school: string;

  @Field(() => ID, { description: 'KATO code of the school\'s territory (counts the participant in that territory\'s indicators)' })
  @IsKatoCode()
  schoolTerritory: string;
}

@InputType()
export class EventRegistrationFilter {
  @Field(() => EventRegistrationStatus, { nullable: true })
  status?: EventRegistrationStatus;
}
