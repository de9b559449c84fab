import { kato } from '@rz/schema';
import { refusal } from '@rz/test-support';
import { subprogrammeAccess } from './subprogramme-access';
import { Role, type Viewer } from './viewer';

const ALMATY = '750000000';
const ALMATY_DISTRICT = '751710000';
const TURKISTAN = '610000000';
const TURKISTAN_DISTRICT = kato().children(TURKISTAN)[0].code;

const viewer = (roles: Role[], territory: string | null = null, subprogramme: string | null = null): Viewer => ({
  subject: 'someone',
  roles,
  territory,
  subprogramme,
  identityVerified: false,
});

const access = subprogrammeAccess('tarbie-bilim', 'Tarbie-Bilim');
const editor = viewer([Role.MINISTRY_EDITOR], null, 'tarbie-bilim');
const otherEditor = viewer([Role.MINISTRY_EDITOR], null, 'rukhani-qazyna');
const admin = viewer([Role.ADMIN]);
const districtOfficer = viewer([Role.AKIMAT_OFFICER], ALMATY_DISTRICT);
const almatyOffice = viewer([Role.PROJECT_OFFICE], ALMATY);
const citizen = viewer([Role.CITIZEN], ALMATY);

describe('subprogrammeAccess', () => {
  it('lets its own editors and admins act on every record, republican ones included; not another subprogramme\'s editors', () => {
    for (const v of [editor, admin]) {
      expect(access.isEditor(v)).toBe(true);
      expect([ALMATY, TURKISTAN_DISTRICT, null].map((t) => access.managesTerritory(v, t))).toEqual([true, true, true]);
      expect(access.oversees(v, TURKISTAN)).toBe(true);
      expect(access.overseenCodes(v)).toBeNull();
    }
    expect(access.isEditor(otherEditor)).toBe(false);
    expect(access.managesTerritory(otherEditor, ALMATY)).toBe(false);
    expect(access.overseenCodes(otherEditor)).toEqual([]);
  });

  it('lets an akimat officer manage and oversee inside the scope only', () => {
    expect(access.isEditor(districtOfficer)).toBe(false);
    expect(access.managesTerritory(districtOfficer, ALMATY_DISTRICT)).toBe(true);
    expect(access.oversees(districtOfficer, ALMATY_DISTRICT)).toBe(true);
    // The city above the district, and another region, are outside.
    expect(access.managesTerritory(districtOfficer, ALMATY)).toBe(false);
    expect(access.managesTerritory(districtOfficer, TURKISTAN_DISTRICT)).toBe(false);
    expect(access.oversees(districtOfficer, TURKISTAN_DISTRICT)).toBe(false);
    expect(new Set(access.overseenCodes(districtOfficer))).toEqual(new Set(kato().subtreeCodes(ALMATY_DISTRICT)));
  });

  it('lets the project office of a region oversee its records without managing them', () => {
    expect(access.oversees(almatyOffice, ALMATY_DISTRICT)).toBe(true);
    expect(access.oversees(almatyOffice, ALMATY)).toBe(true);
    expect(access.managesTerritory(almatyOffice, ALMATY_DISTRICT)).toBe(false);
    expect(access.oversees(almatyOffice, TURKISTAN_DISTRICT)).toBe(false);
    expect(new Set(access.overseenCodes(almatyOffice))).toEqual(new Set(kato().subtreeCodes(ALMATY)));
    expect(access.oversees(almatyOffice, '999999999')).toBe(false);
  });

  it('gives anonymous callers and other roles nothing; a signed-in requirement answers UNAUTHENTICATED first', () => {
    for (const v of [null, citizen]) {
      expect(access.isEditor(v)).toBe(false);
      expect(access.managesTerritory(v, ALMATY)).toBe(false);
      expect(access.oversees(v, ALMATY)).toBe(false);
      expect(access.overseenCodes(v)).toEqual([]);
    }
    expect(refusal(() => access.requireManagesTerritory(null, ALMATY, 'manage events'))?.code).toBe('UNAUTHENTICATED');
    expect(refusal(() => access.requireManagerRole(null, 'manage events'))?.code).toBe('UNAUTHENTICATED');
  });

  it('leaves a record without a territory (republican) to editors, and says so', () => {
    expect(access.managesTerritory(districtOfficer, null)).toBe(false);
    expect(access.oversees(almatyOffice, null)).toBe(false);
    const refused = refusal(() => access.requireManagesTerritory(districtOfficer, null, 'create routes'));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: 'Only Tarbie-Bilim editors may create routes', details: {} });
  });

  it('refuses with FORBIDDEN naming the territory, and checks the role before any territory', () => {
    expect(access.requireManagesTerritory(districtOfficer, ALMATY_DISTRICT, 'manage events')).toBe(districtOfficer);
    expect(refusal(() => access.requireManagesTerritory(districtOfficer, TURKISTAN, 'manage events'))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Only Tarbie-Bilim editors or akimat officers whose scope covers this territory may manage events',
      details: { territoryCode: TURKISTAN },
    });
    for (const v of [editor, admin, districtOfficer]) expect(access.requireManagerRole(v, 'manage events')).toBe(v);
    for (const v of [citizen, almatyOffice, otherEditor]) {
      expect(refusal(() => access.requireManagerRole(v, 'manage events'))).toMatchObject({
        code: 'FORBIDDEN',
        message: 'Only Tarbie-Bilim editors and akimat officers may manage events',
      });
    }
  });
});
