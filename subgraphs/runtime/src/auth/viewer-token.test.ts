import { TokenVerifier } from '@rz/service-kit';
import { testEnv, testToken } from '@rz/test-support';
import { Role } from './viewer';
import { viewerFromAuthorization } from './viewer-token';

describe('viewerFromAuthorization', () => {
  const tokens = () => new TokenVerifier({ jwksFile: testEnv().jwksFile, issuer: 'rukhani-zhangyru-dev', audience: 'rukhani-zhangyru-graph' });

  it('treats a request without a token as anonymous', async () => {
    await expect(viewerFromAuthorization(tokens(), undefined)).resolves.toBeNull();
  });

  it('reads roles (ignoring unknown ones), territory scope, subprogramme and the verified-identity claim', async () => {
    const token = await testToken({ subject: 'user-1', roles: ['akimat_officer', 'made_up_role'], territory: '750000000', eds: true });
    await expect(viewerFromAuthorization(tokens(), `Bearer ${token}`)).resolves.toEqual({
      subject: 'user-1',
      roles: [Role.AKIMAT_OFFICER],
      territory: '750000000',
      subprogramme: null,
      identityVerified: true,
    });
  });

  it('refuses a bad token as UNAUTHENTICATED with the reason, never as anonymous', async () => {
    const token = await testToken({ roles: ['admin'], audience: 'someone-else' });
    await expect(viewerFromAuthorization(tokens(), `Bearer ${token}`)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED', reason: 'WRONG_AUDIENCE' },
    });
    await expect(viewerFromAuthorization(tokens(), 'Basic abc')).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED', reason: 'MALFORMED_HEADER' },
    });
  });
});
