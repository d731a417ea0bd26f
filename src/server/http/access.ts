import type { Role } from '../../core/auth/roles';
import type { Locale } from '../../core/auth/auth.contract';

/** The signed-in user a service acts for. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: number | null;
  locale: Locale;
}

/** Used by the command line and the demo generator, which act outside any session. Audited as "no user". */
export const systemActor: Actor = {
  id: 0,
  username: 'system',
  displayName: 'System',
  role: 'admin',
  orgUnitId: null,
  locale: 'zh-CN',
};

/** Who may call a route. Every /api route must declare one (checked at registration and by a test). */
export type AccessPolicy =
  { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: readonly Role[] };

export const publicAccess: AccessPolicy = { kind: 'public' };
export const anyUser: AccessPolicy = { kind: 'authenticated' };
export const allow = (roles: readonly Role[]): AccessPolicy => ({ kind: 'roles', roles });

export function isAllowed(policy: AccessPolicy, role: Role | null): boolean {
  switch (policy.kind) {
    case 'public':
      return true;
    case 'authenticated':
      return role !== null;
    case 'roles':
      return role !== null && policy.roles.includes(role);
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessPolicy;
    /** Sign-in: exempt from the CSRF header, since a cookie left from an earlier session must not block a new one. */
    startsSession?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** How the actor proved who they are; bearer tokens are exempt from the CSRF header. */
    authMethod: 'session' | 'token' | null;
    sessionCsrfToken: string | null;
  }
}
