import { DENIAL_TEXT } from '@/lib/auth/access';
import { currentViewer } from '@/lib/auth/viewer';

// 403: signed in, but not allowed. Says why, and how to sign out to try another account.
export default async function Forbidden() {
  const viewer = await currentViewer();
  const reason =
    viewer.kind !== 'denied'
      ? 'your account is not allowed to use this portal'
      : viewer.reason === 'no_proxy_token'
        ? 'the request did not come through the identity proxy that guards this portal'
        : DENIAL_TEXT[viewer.reason];
  return (
    <section className="panel error" aria-labelledby="denied-title">
      <h1 id="denied-title">No access</h1>
      <p>
        {viewer.kind === 'denied' && viewer.email ? (
          <>
            You are signed in as <strong>{viewer.email}</strong>, but {reason}.
          </>
        ) : (
          <>You cannot use this portal: {reason}.</>
        )}
      </p>
      <p>Ask the portal&apos;s operators for access, or sign out and sign in with another account.</p>
      <form method="post" action="/auth/logout">
        <button type="submit">Sign out</button>
      </form>
    </section>
  );
}
