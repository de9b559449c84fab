import { kato, type TerritoryNode } from '@rz/schema';
import type { SubgraphContext } from '@rz/subgraph-runtime';
import { requireManagerRole, requireManagesTerritory } from '../access/tarbie-bilim-access';
import { requireSchoolYear } from '../indicators/school-year';
import { SchoolEnrolmentEntity } from './enrolment.entity';
import type { SchoolEnrolmentInput } from './enrolment.input';

export class EnrolmentService {
  constructor(private readonly ctx: SubgraphContext) {}

  /** The number entered for exactly this territory and year, if any. */
  async entered(territoryCode: string, schoolYear: number): Promise<SchoolEnrolmentEntity | null> {
    const territory = kato().require(territoryCode, 'territory');
    return this.ctx.db.getRepository(SchoolEnrolmentEntity).findOneBy({ territoryCode: territory.code, schoolYear: requireSchoolYear(schoolYear) });
  }

  async set(input: SchoolEnrolmentInput): Promise<SchoolEnrolmentEntity> {
    const viewer = requireManagerRole(this.ctx.viewer, 'manage school enrolment');
    const territory = kato().require(input.territory, 'input.territory');
    requireManagesTerritory(viewer, territory.code, 'manage school enrolment');
    const schoolYear = requireSchoolYear(input.schoolYear, 'input.schoolYear');
    const repository = this.ctx.db.getRepository(SchoolEnrolmentEntity);
    await repository.upsert({ territoryCode: territory.code, schoolYear, students: input.students, updatedAt: new Date() }, ['territoryCode', 'schoolYear']);
    return (await repository.findOneBy({ territoryCode: territory.code, schoolYear }))!;
  }

  /**
   * Students enrolled in a territory with its subtree: the number entered for the
   * territory itself, else the sum over its children (each resolved the same way);
   * null when nothing below it was entered. Entering a region and its districts never counts twice.
   */
  async total(territory: TerritoryNode, schoolYear: number): Promise<number | null> {
    return (await this.totals([territory.code], schoolYear))[0];
  }

  /** total() of each territory, in one statement. */
  async totals(codes: string[], schoolYear: number): Promise<(number | null)[]> {
    const rows: { territory_code: string; students: number }[] = await this.ctx.db.query(
      `SELECT territory_code, students FROM school_enrolment WHERE school_year = $1 AND territory_code = ANY($2)`,
      [schoolYear, [...new Set(codes.flatMap((code) => kato().subtreeCodes(code)))]],
    );
    const entered = new Map(rows.map((r) => [r.territory_code, Number(r.students)]));
    // A unit's own figure, else the sum of its children's; null where nothing below it is entered.
    const resolve = (code: string): number | null => {
      const own = entered.get(code);
      if (own !== undefined) return own;
      let sum: number | null = null;
      for (const child of kato().find(code)!.childCodes) {
        const value = resolve(child);
        if (value !== null) sum = (sum ?? 0) + value;
      }
      return sum;
    };
    return codes.map(resolve);
  }
}
