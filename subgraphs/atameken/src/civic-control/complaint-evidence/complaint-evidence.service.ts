import { badUserInput, conflict, forbidden, notFound, signEvidenceDownload, verifyEvidenceId, type EvidenceKind } from '@rz/schema';
import { requireViewer } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import { maySeeComplaintEvidence } from '../../access/atameken-access';
import { ComplaintEntity } from '../complaint/complaint.entity';
import { isOpenComplaint } from '../complaint/complaint.lifecycle';
import { ComplaintEvidenceEntity } from './complaint-evidence.entity';
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

  /**
   * The author adds files while the complaint is open (SUBMITTED, ACCEPTED or IN_PROGRESS), up to
   * MAX_EVIDENCE in all; a file already attached is refused. The complaint row is locked, so two
   * additions at once number their files one after the other.
   */
  async add(complaintId: string, ids: readonly string[]): Promise<ComplaintEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    if (!isUUID(complaintId, 'all')) throw notFound('Complaint', complaintId, 'id');
    const complaint = await this.ctx.db.transaction(async (manager) => {
      const locked = await manager.findOne(ComplaintEntity, { where: { id: complaintId }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw notFound('Complaint', complaintId, 'id');
      if (locked.authorSubject !== viewer.subject) throw forbidden('Only the author adds evidence to a complaint');
      if (!isOpenComplaint(locked.status)) {
        throw conflict(`Evidence is added while the complaint is open; it is ${locked.status}`, { field: 'id', reason: 'COMPLAINT_CLOSED', status: locked.status });
      }
      const files = this.verify(ids, 'evidence');
      const existing = await manager.find(ComplaintEvidenceEntity, { where: { complaintId } });
      const attached = new Set(existing.map((e) => e.sha256));
      files.forEach((file, index) => {
        if (attached.has(file.sha256)) throw badUserInput(`evidence.${index}`, 'This file is already attached to the complaint');
      });
      if (existing.length + files.length > MAX_EVIDENCE) {
        throw badUserInput('evidence', `A complaint holds at most ${MAX_EVIDENCE} files; it has ${existing.length}`);
      }
      const next = existing.reduce((max, e) => Math.max(max, e.position), -1) + 1;
      await manager.insert(ComplaintEvidenceEntity, files.map((file, index) => ({ complaintId, position: next + index, sha256: file.sha256, kind: file.kind })));
      return locked;
    });
    this.ctx.loaders.get(complaintEvidenceLoader).clear(complaintId);
    return complaint;
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
