// The allow-lists: a verified email in an allowed domain, and membership of an allowed group.

export interface Identity {
  sub: string;
  email?: string;
  name?: string;
  groups: string[];
}

/** A person the portal has identified, in any auth mode. */
export interface User extends Identity {
  emailVerified: boolean;
}

/**
 * The key of what is a person's own across requests and instances (rate budgets, exports running):
 * their subject at the IdP, the same whichever page, script or instance they reach.
 */
export const userKey = (user: User) => user.sub || user.email || 'anonymous';

export interface AccessRules {
  AUTH_ALLOWED_EMAIL_DOMAINS: string[];
  AUTH_ALLOWED_GROUPS: string[];
  AUTH_GROUPS_CLAIM: string;
}

export type AccessDenial = 'no_email' | 'email_unverified' | 'domain' | 'group';

export function identityFromClaims(claims: Record<string, unknown>, rules: AccessRules): User {
  const groupsClaim = claims[rules.AUTH_GROUPS_CLAIM];
  return {
    sub: String(claims.sub ?? ''),
    email: typeof claims.email === 'string' ? claims.email : undefined,
    emailVerified: claims.email_verified === true || claims.email_verified === 'true',
    name: typeof claims.name === 'string' ? claims.name : undefined,
    groups: Array.isArray(groupsClaim) ? groupsClaim.map(String) : typeof groupsClaim === 'string' ? [groupsClaim] : [],
  };
}

export function checkAccess(identity: User, rules: AccessRules): AccessDenial | undefined {
  if (rules.AUTH_ALLOWED_EMAIL_DOMAINS.length > 0) {
    if (!identity.email) return 'no_email';
    if (!identity.emailVerified) return 'email_unverified';
    const domain = identity.email.slice(identity.email.lastIndexOf('@') + 1).toLowerCase();
    if (!rules.AUTH_ALLOWED_EMAIL_DOMAINS.includes(domain)) return 'domain';
  }
  if (rules.AUTH_ALLOWED_GROUPS.length > 0) {
    const groups = identity.groups.map((g) => g.toLowerCase());
    if (!rules.AUTH_ALLOWED_GROUPS.some((g) => groups.includes(g))) return 'group';
  }
  return undefined;
}
