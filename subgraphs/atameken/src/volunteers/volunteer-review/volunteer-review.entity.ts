import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** What someone thinks of a volunteer; one review per person per volunteer. */
@Entity('volunteer_review')
export class VolunteerReviewEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'volunteer_id' }) volunteerId: string;

  /** Personal data: only compared with the viewer, never published. */
  @Column('text', { name: 'author_subject' }) authorSubject: string;

  @Column('boolean') positive: boolean;
  @Column('text') text: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
