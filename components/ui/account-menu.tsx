import Link from 'next/link';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { getAuthConfig } from '@/lib/auth/config';
import { currentViewer } from '@/lib/auth/viewer';
import { PortalError } from '@/lib/errors';
import { getTokenConfig } from '@/lib/tokens/config';
import { ViewsMenu } from '@/components/views/views-menu';

/** Who is signed in, their saved views, and the way out; in AUTH_MODE=none, a banner that says nobody is. */
export async function AccountMenu() {
  // Request time only: at build there is no configuration to read (and no user).
  await connection();
  const config = getAuthConfig();
  const t = await getTranslations('account');
  if (config.mode === 'none') {
    return (
      <>
        <ViewsMenu />
        <p className="banner" role="note" style={{ flexBasis: '100%', margin: 0 }}>
          {t('authOff')}
        </p>
      </>
    );
  }
  // With STORE_FAIL_CLOSED and Redis away, who is signed in cannot be told: the page itself refuses
  // (proxy.ts, requireUser); the header just names nobody.
  const viewer = await currentViewer().catch((error: unknown) => {
    if (error instanceof PortalError && error.code === 'store_unavailable') return undefined;
    throw error;
  });
  if (viewer?.kind !== 'user') return null;
  const who = viewer.user.email ?? viewer.user.name ?? viewer.user.sub;
  return (
    <div className="presets" style={{ alignItems: 'center' }}>
      <ViewsMenu />
      {!getTokenConfig().off && (
        <Link href="/settings/tokens" prefetch={false}>
          {t('tokens')}
        </Link>
      )}
      <span className="muted" title={viewer.user.name} translate="no">
        {who}
      </span>
      {config.mode === 'oidc' && (
        <form method="post" action="/auth/logout">
          <button type="submit" className="small">
            {t('signOut')}
          </button>
        </form>
      )}
    </div>
  );
}
