import { IsCalendarDay } from '@rz/schema';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class ComplaintPeriodArgs {
  @Field({ description: 'First day, YYYY-MM-DD (Kazakhstan calendar)' })
  @IsCalendarDay()
  from: string;

  @Field({ description: 'Last day, YYYY-MM-DD, inclusive' })
  @IsCalendarDay()
  to: string;
}
