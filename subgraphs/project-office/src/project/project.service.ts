import { badUserInput, type ConnectionShape, kato, notFound } from '@rz/schema';
import { newId, paginate, type PageRequest } from '@rz/subgraph-runtime';
import { requireManagesProject } from '../access/project-office-access';
import type { ProjectOfficeContext } from '../context';
import { ProjectBudgetEntity } from './project-budget.entity';
import { ProjectLinkEntity } from './project-link.entity';
import { ProjectMemberEntity } from './project-member.entity';
import { ProjectEntity } from './project.entity';
import { ProjectLinkKind, ProjectStatus } from './project.enums';
import type { CreateProjectInput, ProjectFilter, ProjectLinkInput } from './project.input';
import { assertProjectTransition, projectStatusesBefore } from './project.lifecycle';
import { linkedStatusLoader, PROGRESS_OF } from './project-progress.loader';
import { projectBudgetLoader, projectByIdLoader, projectLinksLoader, projectMembersLoader } from './project.loader';
import { projectsBySubjectLoader } from './project-link.loader';
import type { ProjectLinkCount, ProjectProgress } from './project.type';

export class ProjectService {
  constructor(private readonly ctx: ProjectOfficeContext) {}

  private get repository() {
    return this.ctx.db.getRepository(ProjectEntity);
  }

  /** The register is public. */
  byId(id: string): Promise<ProjectEntity | null> {
    return this.ctx.loaders.get(projectByIdLoader).load(id);
  }

  async list(filter: ProjectFilter | null = {}, page: PageRequest): Promise<ConnectionShape<ProjectEntity>> {
    filter ??= {};
    const query = this.repository.createQueryBuilder('p');
    if (filter.territory) query.andWhere('p.territoryCode = ANY(:codes)', { codes: kato().subtreeCodes(filter.territory, 'filter.territory') });
    if (filter.subprogramme) query.andWhere('p.subprogramme = :subprogramme', { subprogramme: filter.subprogramme });
    if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
    const connection = await paginate(query, page);
    const loader = this.ctx.loaders.get(projectByIdLoader);
    for (const project of connection.nodes) loader.prime(project.id, project);
    return connection;
  }

  async create(input: CreateProjectInput): Promise<ProjectEntity> {
    const territory = kato().require(input.territory, 'input.territory');
    const viewer = requireManagesProject(this.ctx.viewer, input.subprogramme, territory.code);
    if (input.endsOn < input.startsOn) throw badUserInput('input.endsOn', 'A project cannot end before it starts');
    const sources = input.budget.map((line) => line.source);
    if (new Set(sources).size !== sources.length) throw badUserInput('input.budget', 'One budget line per source');
    const id = newId();
    await this.ctx.db.transaction(async (tx) => {
      await tx.getRepository(ProjectEntity).insert({
        id,
        subprogramme: input.subprogramme,
        baseProject: input.baseProject.trim(),
        title: input.title.trim(),
        territoryCode: territory.code,
        regionCode: kato().region(territory.code).code,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        goal: input.goal.trim(),
        measurableResult: input.measurableResult.trim(),
        status: ProjectStatus.PLANNED,
        createdBy: viewer.subject,
        statusChangedAt: new Date(),
      });
      if (input.budget.length) await tx.getRepository(ProjectBudgetEntity).insert(input.budget.map((line) => ({ projectId: id, ...line })));
      if (input.members.length) {
        await tx.getRepository(ProjectMemberEntity).insert(
          input.members.map((m) => ({ id: newId(), projectId: id, role: m.role, personName: m.personName.trim(), position: m.position?.trim() || null })),
        );
      }
      const links = distinctLinks(input.links);
      if (links.length) await tx.getRepository(ProjectLinkEntity).insert(links.map((l) => ({ projectId: id, ...l })));
    });
    return this.fresh(id);
  }

  /** Server-enforced lifecycle: PLANNED -> ACTIVE -> COMPLETED; PLANNED or ACTIVE -> CANCELLED. */
  async changeStatus(id: string, to: ProjectStatus): Promise<ProjectEntity> {
    const project = await this.byId(id);
    if (!project) throw notFound('Project', id, 'id');
    requireManagesProject(this.ctx.viewer, project.subprogramme, project.territoryCode);
    assertProjectTransition(project.status, to);
    const result = await this.repository
      .createQueryBuilder()
      .update(ProjectEntity)
      .set({ status: to, statusChangedAt: () => 'now()' })
      .where('id = :id AND status IN (:...from)', { id, from: projectStatusesBefore(to) })
      .execute();
    // A concurrent change won: report the move from where it is now.
    if (!result.affected) assertProjectTransition((await this.repository.findOneByOrFail({ id })).status, to);
    return this.fresh(id);
  }

  /** Adds, then removes links; a link already there (or already gone) is no error. */
  async relink(id: string, add: ProjectLinkInput[], remove: ProjectLinkInput[]): Promise<ProjectEntity> {
    const project = await this.byId(id);
    if (!project) throw notFound('Project', id, 'id');
    requireManagesProject(this.ctx.viewer, project.subprogramme, project.territoryCode);
    await this.ctx.db.transaction(async (tx) => {
      const repository = tx.getRepository(ProjectLinkEntity);
      const added = distinctLinks(add);
      if (added.length) await repository.createQueryBuilder().insert().values(added.map((l) => ({ projectId: id, ...l }))).orIgnore().execute();
      // After the additions: a link both added and removed ends up removed.
      for (const l of distinctLinks(remove)) await repository.delete({ projectId: id, ...l });
    });
    return this.fresh(id);
  }

  budget(project: ProjectEntity) {
    return this.ctx.loaders.get(projectBudgetLoader).load(project.id);
  }

  members(project: ProjectEntity) {
    return this.ctx.loaders.get(projectMembersLoader).load(project.id);
  }

  async linkedIds(project: ProjectEntity, kind: ProjectLinkKind): Promise<{ id: string }[]> {
    const links = await this.ctx.loaders.get(projectLinksLoader).load(project.id);
    return links.filter((l) => l.kind === kind).map((l) => ({ id: l.subjectId }));
  }

  projectsOf(kind: ProjectLinkKind, subjectId: string): Promise<ProjectEntity[]> {
    return this.ctx.loaders.get(projectsBySubjectLoader[kind]).load(subjectId);
  }

  /** Share of linked entities that are done, by their owners' statuses; monuments have no lifecycle and are only counted. */
  async progress(project: ProjectEntity): Promise<ProjectProgress> {
    const links = await this.ctx.loaders.get(projectLinksLoader).load(project.id);
    const statuses = this.ctx.loaders.get(linkedStatusLoader);
    const byKind: ProjectLinkCount[] = [];
    for (const kind of Object.values(ProjectLinkKind)) {
      const ids = links.filter((l) => l.kind === kind).map((l) => l.subjectId);
      if (!ids.length) continue;
      const spec = PROGRESS_OF[kind];
      const done = spec ? (await Promise.all(ids.map((id) => statuses.load(`${kind}:${id}`)))).filter((s) => s === spec.done).length : null;
      byKind.push({ kind, linked: ids.length, done });
    }
    const counted = byKind.filter((k) => k.done !== null);
    const linked = counted.reduce((sum, k) => sum + k.linked, 0);
    const done = counted.reduce((sum, k) => sum + (k.done ?? 0), 0);
    return { linked, done, share: linked ? done / linked : null, byKind };
  }

  private async fresh(id: string): Promise<ProjectEntity> {
    const project = await this.repository.findOneByOrFail({ id });
    this.ctx.loaders.get(projectByIdLoader).clear(id).prime(id, project);
    this.ctx.loaders.get(projectLinksLoader).clear(id);
    return project;
  }
}

function distinctLinks(links: ProjectLinkInput[]): { kind: ProjectLinkKind; subjectId: string }[] {
  const seen = new Map<string, { kind: ProjectLinkKind; subjectId: string }>();
  for (const l of links) seen.set(`${l.kind}:${l.id.toLowerCase()}`, { kind: l.kind, subjectId: l.id.toLowerCase() });
  return [...seen.values()];
}
