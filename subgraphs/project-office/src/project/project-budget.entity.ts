import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';
import type { BudgetSource } from './project.enums';

/** bigint comes back from pg as a string; tenge amounts stay far below 2^53. */
const bigintAsNumber: ValueTransformer = { to: (v: number) => v, from: (v: string) => Number(v) };

/** One line of a project's budget: tenge from one source. */
@Entity('project_budget')
export class ProjectBudgetEntity {
  @PrimaryColumn('uuid', { name: 'project_id' }) projectId: string;
  @PrimaryColumn('text') source: BudgetSource;
  @Column('bigint', { transformer: bigintAsNumber }) amount: number;
}
