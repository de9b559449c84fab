import type { AuthChecker } from 'type-graphql';
import type { SubgraphContext } from '../context';
import { hasRole, type Role } from './viewer';

/** `@Authorized()` needs a signed-in viewer; `@Authorized(Role.X, ...)` needs one of the roles (admins pass). */
export const authChecker: AuthChecker<SubgraphContext, Role> = ({ context }, roles) => {
  if (!context.viewer) return false;
  return roles.length === 0 || hasRole(context.viewer, ...roles);
};
