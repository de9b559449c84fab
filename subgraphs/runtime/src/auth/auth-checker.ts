import { unauthenticated } from '@rz/schema';
import type { AuthChecker } from 'type-graphql';
import type { SubgraphContext } from '../context';
import { hasRole, type Role } from './viewer';

/**
 * `@Authorized()` needs a signed-in viewer; `@Authorized(Role.X, ...)` needs one of the roles (admins pass).
 * A caller without a token is told to sign in (UNAUTHENTICATED) whatever the roles: type-graphql alone
 * would answer FORBIDDEN when roles are named, which hides that a token would help.
 */
export const authChecker: AuthChecker<SubgraphContext, Role> = ({ context }, roles) => {
  if (!context.viewer) throw unauthenticated();
  return roles.length === 0 || hasRole(context.viewer, ...roles);
};
