import type { EntityKey } from '@rz/schema';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ProjectOfficeContext } from '../context';
import { EventRef, FaceRef, InitiativeRef, MediaPlanRef, MonumentRef } from './linked-entity.type';
import type { ProjectEntity } from './project.entity';
import { ProjectLinkKind } from './project.enums';
import { ProjectService } from './project.service';
import { Project } from './project.type';

// Nullable like every field one subgraph adds to another's type: an outage of project-office leaves it null.
const DESCRIPTION = 'Projects of the programme register that cover it, newest first';

@Resolver(() => EventRef)
export class EventProjectsResolver {
  @FieldResolver(() => [Project], { nullable: true, description: DESCRIPTION })
  projects(@Root() entity: EntityKey, @Ctx() ctx: ProjectOfficeContext): Promise<ProjectEntity[]> {
    return new ProjectService(ctx).projectsOf(ProjectLinkKind.EVENT, entity.id);
  }
}

@Resolver(() => InitiativeRef)
export class InitiativeProjectsResolver {
  @FieldResolver(() => [Project], { nullable: true, description: DESCRIPTION })
  projects(@Root() entity: EntityKey, @Ctx() ctx: ProjectOfficeContext): Promise<ProjectEntity[]> {
    return new ProjectService(ctx).projectsOf(ProjectLinkKind.INITIATIVE, entity.id);
  }
}

@Resolver(() => MonumentRef)
export class MonumentProjectsResolver {
  @FieldResolver(() => [Project], { nullable: true, description: DESCRIPTION })
  projects(@Root() entity: EntityKey, @Ctx() ctx: ProjectOfficeContext): Promise<ProjectEntity[]> {
    return new ProjectService(ctx).projectsOf(ProjectLinkKind.MONUMENT, entity.id);
  }
}

@Resolver(() => MediaPlanRef)
export class MediaPlanProjectsResolver {
  @FieldResolver(() => [Project], { nullable: true, description: DESCRIPTION })
  projects(@Root() entity: EntityKey, @Ctx() ctx: ProjectOfficeContext): Promise<ProjectEntity[]> {
    return new ProjectService(ctx).projectsOf(ProjectLinkKind.MEDIA_PLAN, entity.id);
  }
}

@Resolver(() => FaceRef)
export class FaceProjectsResolver {
  @FieldResolver(() => [Project], { nullable: true, description: DESCRIPTION })
  projects(@Root() entity: EntityKey, @Ctx() ctx: ProjectOfficeContext): Promise<ProjectEntity[]> {
    return new ProjectService(ctx).projectsOf(ProjectLinkKind.FACE, entity.id);
  }
}
