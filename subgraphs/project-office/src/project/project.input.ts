import { IsCalendarDay, IsKatoCode } from '@rz/schema';
import { ArrayMaxSize, IsInt, IsOptional, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { BudgetSource, ProjectLinkKind, ProjectRole, ProjectStatus, Subprogramme } from './project.enums';

@InputType()
export class ProjectBudgetLineInput {
  @Field(() => BudgetSource) source: BudgetSource;

  @Field(() => Float, { description: 'Whole tenge' })
  @IsInt()
  @Min(0)
  @Max(1e15)
  amount: number;
}

@InputType()
export class ProjectMemberInput {
  @Field(() => ProjectRole) role: ProjectRole;

  @Field(() => String)
  @Length(1, 200)
  personName: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300)
  position?: string | null;
}

@InputType()
export class ProjectLinkInput {
  @Field(() => ProjectLinkKind) kind: ProjectLinkKind;

  @Field(() => ID, { description: 'Id of the event, initiative, monument, media plan or face' })
  @IsUUID()
  id: string;
}

@InputType()
export class CreateProjectInput {
  @Field(() => Subprogramme) subprogramme: Subprogramme;

  @Field(() => String)
  @Length(1, 200)
  baseProject: string;

  @Field(() => String)
  @Length(1, 300)
  title: string;

  @Field(() => ID, { description: 'KATO code of the region, district, city or settlement it serves' })
  @IsKatoCode()
  territory: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @IsCalendarDay()
  startsOn: string;

  @Field(() => String, { description: 'YYYY-MM-DD, not before startsOn' })
  @IsCalendarDay()
  endsOn: string;

  @Field(() => String)
  @Length(1, 4000)
  goal: string;

  @Field(() => String, { description: 'What will be measured when it is done (results, not meetings)' })
  @Length(1, 4000)
  measurableResult: string;

  @Field(() => [ProjectBudgetLineInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @ArrayMaxSize(4)
  budget: ProjectBudgetLineInput[];

  @Field(() => [ProjectMemberInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @ArrayMaxSize(100)
  members: ProjectMemberInput[];

  @Field(() => [ProjectLinkInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @ArrayMaxSize(500)
  links: ProjectLinkInput[];
}

@InputType()
export class ProjectFilter {
  @Field(() => ID, { nullable: true, description: 'KATO code; includes everything below it' })
  @IsOptional()
  @IsKatoCode()
  territory?: string;

  @Field(() => Subprogramme, { nullable: true }) subprogramme?: Subprogramme;

  @Field(() => ProjectStatus, { nullable: true }) status?: ProjectStatus;
}
