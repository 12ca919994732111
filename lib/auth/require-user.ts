import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect, unauthorized } from 'next/navigation';
import type { User } from './access';
import { getAuthConfig } from './config';
import { RETURN_TO_HEADER, safeReturnTo } from './return-to';
import { currentViewer } from './viewer';

// The one gate every page passes (the API has its own, in lib/http). proxy.ts only adds headers and
// spends the rate budget; it is not a gate.

/** For pages: the signed-in user, or a redirect to login that comes back to this exact URL. */
export async function requireUser(): Promise<User> {
  const viewer = await currentViewer();
  if (viewer.kind === 'user') return viewer.user;
  if (viewer.kind === 'denied') forbidden();
  // Behind an identity proxy there is no login to go to: a refused token is the end of the road.
  if (getAuthConfig().mode === 'proxy-jwt') unauthorized();
  const returnTo = safeReturnTo((await headers()).get(RETURN_TO_HEADER));
  redirect(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
}
