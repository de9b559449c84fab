import { badUserInput, signEvidenceDownload, verifyEvidenceId, type EvidenceKind } from '@rz/schema';
import { maySeeComplaintEvidence } from '../../access/atameken-access';
import type { ComplaintEntity } from '../complaint/complaint.entity';
import { complaintEvidenceLoader } from './complaint-evidence.loader';
import { ComplaintEvidenceKind, type ComplaintEvidence } from './complaint-evidence.type';
import type { AtamekenContext } from '../../context';

export const MAX_EVIDENCE = 10;
/** Download links are short-lived: they leak through browser history and shared screens. */
export const EVIDENCE_LINK_TTL_SECONDS = 10 * 60;

export interface VerifiedEvidence {
  sha256: string;
  kind: EvidenceKind;
}

export class ComplaintEvidenceService {
  constructor(private readonly ctx: AtamekenContext) {}

  private get secret(): string {
    return this.ctx.config.EVIDENCE_SECRET;
  }

  /** Checks the ids the gateway's upload endpoint issued; anything forged or repeated names its position. */
  verify(ids: readonly string[], field = 'input.evidence'): VerifiedEvidence[] {
    if (!ids.length) throw badUserInput(field, 'Attach at least one photo, video or audio file');
    const seen = new Set<string>();
    return ids.map((id, index) => {
      const evidence = verifyEvidenceId(this.secret, id);
      if (!evidence) throw badUserInput(`${field}.${index}`, 'Not an evidence id issued by the upload endpoint');
      if (seen.has(evidence.sha256)) throw badUserInput(`${field}.${index}`, 'This file is attached twice');
      seen.add(evidence.sha256);
      return evidence;
    });
  }

  /** The author, akimat officers whose scope covers the complaint, and admins. */
  maySee(complaint: ComplaintEntity): boolean {
    return maySeeComplaintEvidence(this.ctx.viewer, complaint);
  }

  async count(complaint: ComplaintEntity): Promise<number> {
    return (await this.ctx.loaders.get(complaintEvidenceLoader).load(complaint.id)).length;
  }

  /** Signed links for those who may see the files; an empty list for everyone else. */
  async forComplaint(complaint: ComplaintEntity, now = new Date()): Promise<ComplaintEvidence[]> {
    if (!this.maySee(complaint)) return [];
    const rows = await this.ctx.loaders.get(complaintEvidenceLoader).load(complaint.id);
    const expiresAt = Math.floor(now.getTime() / 1000) + EVIDENCE_LINK_TTL_SECONDS;
    return rows.map((row) => ({
      kind: row.kind as ComplaintEvidenceKind,
      // Absolute: the gateway's public origin serves /evidence.
      url: `${this.ctx.config.PUBLIC_BASE_URL}${signEvidenceDownload(this.secret, row.sha256, expiresAt)}`,
      expiresAt: new Date(expiresAt * 1000),
    }));
  }
}
