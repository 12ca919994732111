import 'server-only';
import { getAuthConfig } from '@/lib/auth/config';
import { currentViewer } from '@/lib/auth/viewer';
import { csrfBinding, csrfTokenFor } from './csrf';
import { maySubmit } from './submit-access';
import { getSubmitConfig } from './submit-config';

// For pages: whether the person viewing may submit (to show or hide what submits), and the CSRF token
// their form sends back. The API asks the same question itself (lib/http/api-route.ts `submits`).

export type SubmitPermission = { allowed: true; csrfToken: string } | { allowed: false };

export async function submitPermission(): Promise<SubmitPermission> {
  const viewer = await currentViewer();
  if (viewer.kind !== 'user' || !maySubmit(viewer.user, getAuthConfig().mode, getSubmitConfig())) return { allowed: false };
  return { allowed: true, csrfToken: csrfTokenFor(csrfBinding(viewer.user, viewer.session?.sid)) };
}
