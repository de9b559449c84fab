import { kato, PageArgs, Territory, type TerritoryNode } from '@rz/schema';
import { Role } from '@rz/subgraph-runtime';
import { Arg, Args, Authorized, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ProjectOfficeContext } from '../context';
import { EventRef, FaceRef, InitiativeRef, MediaPlanRef, MonumentRef } from './linked-entity.type';
import type { ProjectEntity } from './project.entity';
import { ProjectLinkKind, ProjectStatus } from './project.enums';
import { CreateProjectInput, ProjectFilter, ProjectLinkInput } from './project.input';
import { ProjectService } from './project.service';
import { Project, ProjectBudgetLine, ProjectConnection, ProjectMember, ProjectProgress } from './project.type';

const KEEPERS = [Role.PROJECT_OFFICE, Role.AKIMAT_OFFICER, Role.MINISTRY_EDITOR];

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => Project, { nullable: true, description: 'A project of the register (public)' })
  project(@Arg('id', () => ID) id: string, @Ctx() ctx: ProjectOfficeContext): Promise<ProjectEntity | null> {
    return new ProjectService(ctx).byId(id);
  }

  @Query(() => ProjectConnection, { description: 'The project register, newest first, by territory (with its subtree), subprogramme or status' })
  projects(
    @Arg('filter', () => ProjectFilter, { nullable: true }) filter: ProjectFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: ProjectOfficeContext,
  ) {
    return new ProjectService(ctx).list(filter, page);
  }

  @Authorized(...KEEPERS)
  @Mutation(() => Project, {
    description: 'A PLANNED project, by the regional project office, an akimat officer of its territory or an editor of its subprogramme',
  })
  createProject(@Arg('input', () => CreateProjectInput) input: CreateProjectInput, @Ctx() ctx: ProjectOfficeContext) {
    return new ProjectService(ctx).create(input);
  }

  @Authorized(...KEEPERS)
  @Mutation(() => Project, { description: 'PLANNED -> ACTIVE -> COMPLETED; PLANNED or ACTIVE -> CANCELLED' })
  changeProjectStatus(@Arg('id', () => ID) id: string, @Arg('status', () => ProjectStatus) status: ProjectStatus, @Ctx() ctx: ProjectOfficeContext) {
    return new ProjectService(ctx).changeStatus(id, status);
  }

  @Authorized(...KEEPERS)
  @Mutation(() => Project, { description: 'Links the project to events, initiatives, monuments, media plans or faces, or unlinks them' })
  linkProject(
    @Arg('id', () => ID) id: string,
    @Arg('add', () => [ProjectLinkInput], { defaultValue: [] }) add: ProjectLinkInput[],
    @Arg('remove', () => [ProjectLinkInput], { defaultValue: [] }) remove: ProjectLinkInput[],
    @Ctx() ctx: ProjectOfficeContext,
  ) {
    return new ProjectService(ctx).relink(id, add, remove);
  }

  @FieldResolver(() => Territory)
  territory(@Root() project: ProjectEntity): TerritoryNode {
    return kato().require(project.territoryCode);
  }

  @FieldResolver(() => [ProjectBudgetLine])
  budget(@Root() project: ProjectEntity, @Ctx() ctx: ProjectOfficeContext) {
    return new ProjectService(ctx).budget(project);
  }

  @FieldResolver(() => Float, { description: 'Tenge from every source' })
  async budgetTotal(@Root() project: ProjectEntity, @Ctx() ctx: ProjectOfficeContext): Promise<number> {
    return (await new ProjectService(ctx).budget(project)).reduce((sum, line) => sum + line.amount, 0);
  }

  @FieldResolver(() => [ProjectMember], { description: 'People holding project roles' })
  members(@Root() project: ProjectEntity, @Ctx() ctx: ProjectOfficeContext) {
    return new ProjectService(ctx).members(project);
  }

  @FieldResolver(() => [EventRef])
  events(@Root() project: ProjectEntity, @Ctx() ctx: ProjectOfficeContext) {
    return new ProjectService(ctx).linkedIds(project, ProjectLinkKind.EVENT);
  }

  @FieldResolver(() => [InitiativeRef])
  initiatives(@Root() project: ProjectEntity, @Ctx() ctx: ProjectOfficeContext) {
    return new ProjectService(ctx).linkedIds(project, ProjectLinkKind.INITIATIVE);
  }

  @FieldResolver(() => [MonumentRef])
  monuments(@Root() project: ProjectEntity, @Ctx() ctx: ProjectOfficeContext) {
    return new ProjectService(ctx).linkedIds(project, ProjectLinkKind.MONUMENT);
  }

  @FieldResolver(() => [MediaPlanRef])
  mediaPlans(@Root() project: ProjectEntity, @Ctx() ctx: ProjectOfficeContext) {
    return new ProjectService(ctx).linkedIds(project, ProjectLinkKind.MEDIA_PLAN);
  }

  @FieldResolver(() => [FaceRef])
  faces(@Root() project: ProjectEntity, @Ctx() ctx: ProjectOfficeContext) {
    return new ProjectService(ctx).linkedIds(project, ProjectLinkKind.FACE);
  }

  @FieldResolver(() => ProjectProgress)
  progress(@Root() project: ProjectEntity, @Ctx() ctx: ProjectOfficeContext) {
    return new ProjectService(ctx).progress(project);
  }
}
