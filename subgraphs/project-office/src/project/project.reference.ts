import { keyReferenceResolvers } from '@rz/schema';
import type { ProjectOfficeContext } from '../context';
import type { ProjectEntity } from './project.entity';
import { ProjectService } from './project.service';

/** Project is owned here; Event, Initiative, Monument, MediaPlan and Face get `projects` from here. */
export const projectReferenceResolvers = {
  Project: {
    __resolveReference(reference: { id: string }, ctx: ProjectOfficeContext): Promise<ProjectEntity | null> {
      return new ProjectService(ctx).byId(reference.id);
    },
  },
  ...keyReferenceResolvers('Event', 'Initiative', 'Monument', 'MediaPlan', 'Face'),
};
