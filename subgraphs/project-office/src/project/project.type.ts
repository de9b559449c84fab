import { Connection } from '@rz/schema';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { BudgetSource, ProjectLinkKind, ProjectRole, ProjectStatus, Subprogramme } from './project.enums';

@ObjectType({ description: 'Tenge from one source' })
export class ProjectBudgetLine {
  @Field(() => BudgetSource) source: BudgetSource;
  @Field(() => Float) amount: number;
}

@ObjectType({ description: 'A person holding a project role, as named in the register' })
export class ProjectMember {
  @Field(() => ID) id: string;
  @Field(() => ProjectRole) role: ProjectRole;
  @Field(() => String) personName: string;
  @Field(() => String, { nullable: true, description: 'Organisation or post' }) position: string | null;
}

@ObjectType()
export class ProjectLinkCount {
  @Field(() => ProjectLinkKind) kind: ProjectLinkKind;
  @Field(() => Int) linked: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Linked entities that are done: events COMPLETED, initiatives IMPLEMENTED, media plans APPROVED, faces FEATURED; null for monuments, which have no lifecycle',
  })
  done: number | null;
}

@ObjectType({ description: 'Progress derived from what the project links to, read from the owning subgraphs' })
export class ProjectProgress {
  @Field(() => Int, { description: 'Linked entities with a lifecycle (all but monuments)' }) linked: number;
  @Field(() => Int) done: number;
  @Field(() => Float, { nullable: true, description: 'done / linked, 0 to 1; null when nothing is linked' })
  share: number | null;
  @Field(() => [ProjectLinkCount]) byKind: ProjectLinkCount[];
}

/** Root value: ProjectEntity; territory, budget, members, links and progress live in ProjectResolver. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A project in the register of the regional project office' })
export class Project {
  @Field(() => ID) id: string;
  @Field(() => Subprogramme) subprogramme: Subprogramme;
  @Field(() => String, { description: 'The base project, e.g. "Olketanu", "Sanaly azamat", "Atameken"' }) baseProject: string;
  @Field(() => String) title: string;
  @Field(() => String, { description: 'First day (YYYY-MM-DD)' }) startsOn: string;
  @Field(() => String, { description: 'Last day (YYYY-MM-DD)' }) endsOn: string;
  @Field(() => String) goal: string;
  @Field(() => String) measurableResult: string;
  @Field(() => ProjectStatus) status: ProjectStatus;
  @Field(() => Date) statusChangedAt: Date;
  @Field(() => Date) createdAt: Date;
}

@ObjectType()
export class ProjectConnection extends Connection(Project) {}
