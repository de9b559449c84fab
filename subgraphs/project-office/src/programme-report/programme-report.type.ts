import { Territory } from '@rz/schema';
import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType()
export class StatusCount {
  @Field(() => String) status: string;
  @Field(() => Int) count: number;
}

@ObjectType({ description: 'Tarbie-Bilim: clubs, members, events of the period and the school year\'s participants' })
export class TarbieBilimFigures {
  @Field(() => Int, { description: 'The school year (its starting year) the period ends in' }) schoolYear: number;
  @Field(() => Int, { description: 'Clubs with members in that school year' }) clubs: number;
  @Field(() => Int) clubMembers: number;
  @Field(() => Int, { description: 'Events starting in the period' }) events: number;
  @Field(() => Int, { description: 'Of those, COMPLETED' }) eventsHeld: number;
  @Field(() => Int, { description: 'Children reached: participants in the school year' }) participants: number;
}

@ObjectType({ description: 'Atameken: initiatives (computed here from the initiatives of the territory) and complaint indicators of the period' })
export class AtamekenFigures {
  @Field(() => Int, { description: 'Initiatives proposed by the period\'s end' }) initiatives: number;
  @Field(() => [StatusCount], { description: 'Those initiatives by their status now' }) initiativesByStatus: StatusCount[];
  @Field(() => Int, { description: 'Initiatives implemented in the period' }) implementedInPeriod: number;
  @Field(() => Float, { description: 'Tenge pledged by patrons to the territory\'s initiatives' }) pledged: number;
  @Field(() => Float, { description: 'Tenge (budget and pledges) of the initiatives implemented in the period' }) spent: number;
  @Field(() => Int) complaintsFiled: number;
  @Field(() => Int) complaintsOpen: number;
  @Field(() => Int) complaintsResolved: number;
  @Field(() => Int) complaintsOverdue: number;
  @Field(() => Float, { nullable: true }) shareResolvedWithinDeadline: number | null;
}

@ObjectType({ description: 'Rukhani Qazyna: QR coverage now, scans in the period, published routes' })
export class RukhaniQazynaFigures {
  @Field(() => Int) monuments: number;
  @Field(() => Int) monumentsWithInstalledQr: number;
  @Field(() => Float, { nullable: true }) qrCoverage: number | null;
  @Field(() => Int) scans: number;
  @Field(() => Int) routes: number;
}

@ObjectType({ description: 'Aqparat Tolqyny: execution of the approved media plans overlapping the period (summed here) and faces by status' })
export class AqparatTolqynyFigures {
  @Field(() => Int) plans: number;
  @Field(() => Int) itemsPlanned: number;
  @Field(() => Int) published: number;
  @Field(() => Int) publishedOnTime: number;
  @Field(() => Int) cancelled: number;
  @Field(() => Float, { description: 'Share of planned items published; null without items' , nullable: true }) execution: number | null;
  @Field(() => Float) reach: number;
  @Field(() => [StatusCount]) facesByStatus: StatusCount[];
}

@ObjectType({ description: 'The four subprogrammes\' figures of one territory for one period' })
export class ProgrammeFigures {
  @Field(() => Territory) territory: unknown;
  @Field(() => String) from: string;
  @Field(() => String) to: string;
  @Field(() => TarbieBilimFigures) tarbieBilim: TarbieBilimFigures;
  @Field(() => AtamekenFigures) atameken: AtamekenFigures;
  @Field(() => RukhaniQazynaFigures) rukhaniQazyna: RukhaniQazynaFigures;
  @Field(() => AqparatTolqynyFigures) aqparatTolqyny: AqparatTolqynyFigures;
}

@ObjectType({ description: 'A region\'s (or any territory\'s) programme report: the period, the previous period of equal length, and each child territory' })
export class ProgrammeReport {
  @Field(() => ProgrammeFigures) current: ProgrammeFigures;
  @Field(() => ProgrammeFigures) previous: ProgrammeFigures;
  @Field(() => [ProgrammeFigures], { description: 'The units directly below, for the period' }) children: ProgrammeFigures[];
}
