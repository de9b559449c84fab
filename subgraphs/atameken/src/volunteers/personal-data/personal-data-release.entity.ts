import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PersonalDataRecordKind } from './personal-data-release.type';

/** One release of someone's contact details: who saw whose, when and why. Append-only in the database. */
@Entity('personal_data_release')
export class PersonalDataReleaseEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'viewer_subject' })
  viewerSubject: string;

  @Column('text', { name: 'record_kind' })
  recordKind: PersonalDataRecordKind;

  @Column('uuid', { name: 'record_id' })
  recordId: string;

  @Column('text') reason: string;

  @Column('timestamptz', { name: 'released_at' })
  releasedAt: Date;
}
