/**
 * The territory claim of a pasted token, to choose the work list's filter. Decoding only: the
 * gateway verifies the token on every request and applies the officer's real scope.
 */
export function tokenTerritory(token: string): string | null {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(payload)) as { territory?: unknown };
    return typeof claims.territory === 'string' ? claims.territory : null;
  } catch {
    return null;
  }
}

const STORAGE_KEY = 'rz-dashboard-token';

/** The token lives in this tab's session storage only: closing the tab forgets it. */
export const savedToken = () => sessionStorage.getItem(STORAGE_KEY) ?? '';
export const saveToken = (token: string) => (token ? sessionStorage.setItem(STORAGE_KEY, token) : sessionStorage.removeItem(STORAGE_KEY));
