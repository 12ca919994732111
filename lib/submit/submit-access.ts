import type { User } from '@/lib/auth/access';
import type { SubmitConfig } from './submit-config';

// Whether a person may submit probes (submit-config.ts says who). Pure, so the page that hides the
// buttons and the route that refuses the call ask the same question.

export function maySubmit(user: User, authMode: string, config: SubmitConfig): boolean {
  if (authMode === 'none') return config.anonymous;
  const groups = user.groups.map((group) => group.toLowerCase());
  if (config.groups.some((group) => groups.includes(group))) return true;
  if (!user.email || !user.emailVerified) return false;
  const domain = user.email.slice(user.email.lastIndexOf('@') + 1).toLowerCase();
  return config.emailDomains.includes(domain);
}
