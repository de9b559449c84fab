import { Connection } from '@rz/schema';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ZhomartNomination, ZhomartPeriodKind } from './zhomart.enums';

/** Root value: ZhomartRankingRow. */
@ObjectType({ description: 'A candidate\'s place in a computed ranking' })
export class ZhomartRankingEntry {
  @Field(() => Int, { description: '1 for the first place; ties are already broken (see the ranking\'s tieBreak)' })
  rank: number;

  @Field(() => Float, { description: 'People helped, positive reviews or tenge pledged, depending on the nomination' })
  score: number;

  @Field(() => ID, { description: 'Pass this to confirmZhomartWinner: the volunteer id, or for a patron the id of their first counted pledge' })
  candidate: string;

  @Field(() => String, { nullable: true, description: 'For BEST_PATRON: the organisation; null for a private person, who is never named' })
  patronName: string | null;
}

/** Root value: ZhomartRankingResult. */
@ObjectType({ description: 'A ranking computed from recorded help, reviews or pledges for one nomination, scope and period' })
export class ZhomartRanking {
  @Field(() => ZhomartNomination)
  nomination: ZhomartNomination;

  @Field(() => ZhomartPeriodKind)
  periodKind: ZhomartPeriodKind;

  @Field({ description: 'First day of the period, YYYY-MM-DD' })
  periodStart: string;

  @Field({ description: 'Last day of the period, YYYY-MM-DD' })
  periodEnd: string;

  @Field({ description: 'How equal scores are ordered' })
  tieBreak: string;

  @Field(() => [ZhomartRankingEntry])
  entries: ZhomartRankingEntry[];
}

/** Root value: ZhomartAwardEntity. */
@ObjectType({ description: 'A Zhomart Zhurek award: the winner a committee confirmed for a nomination, scope and period' })
export class ZhomartAward {
  @Field(() => ID)
  id: string;

  @Field(() => ZhomartNomination)
  nomination: ZhomartNomination;

  @Field(() => ZhomartPeriodKind)
  periodKind: ZhomartPeriodKind;

  @Field()
  periodStart: string;

  @Field()
  periodEnd: string;

  @Field(() => Int, { nullable: true, description: 'The winner\'s place in the ranking when confirmed (ranked nominations)' })
  rank: number | null;

  @Field(() => Float, { nullable: true, description: 'The winner\'s score when confirmed (ranked nominations)' })
  score: number | null;

  @Field(() => String, { nullable: true, description: 'BEST_NGO, INVESTOR, HONORARY_CITIZEN: the person or organisation honoured' })
  nomineeName: string | null;

  @Field(() => String, { nullable: true })
  citation: string | null;

  @Field()
  confirmedAt: Date;
}

@ObjectType()
export class ZhomartAwardConnection extends Connection(ZhomartAward) {}
