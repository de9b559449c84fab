import { ArgsType, Field } from 'type-graphql';
import { IsCalendarDay } from '../common/kz-time';

@ArgsType()
export class ComplaintPeriodArgs {
  @Field({ description: 'First day, YYYY-MM-DD (Kazakhstan calendar)' })
  @IsCalendarDay()
  from: string;

  @Field({ description: 'Last day, YYYY-MM-DD, inclusive' })
  @IsCalendarDay()
  to: string;
}
