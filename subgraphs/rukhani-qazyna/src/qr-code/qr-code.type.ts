import { Field, ID, ObjectType } from 'type-graphql';
import { QrCodeStatus } from './qr-code.enums';

/** Root value: QrCodeEntity; links, monument and counts are field resolvers. */
@ObjectType({ description: 'A QR code on a monument; scanning it opens the monument\'s page in the reader\'s language' })
export class QrCode {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Short code in the link /q/<code>' })
  code: string;

  @Field(() => QrCodeStatus)
  status: QrCodeStatus;

  @Field(() => String, { nullable: true, description: 'Day the code was placed on site (YYYY-MM-DD)' })
  placedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Who installed it: an organisation or role' })
  installedBy: string | null;
}
