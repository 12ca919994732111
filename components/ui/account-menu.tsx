import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { getAuthConfig } from '@/lib/auth/config';
import { currentViewer } from '@/lib/auth/viewer';

/** Who is signed in, and the way out; in AUTH_MODE=none, a banner that says nobody is. */
export async function AccountMenu() {
  // Request time only: at build there is no configuration to read (and no user).
  await connection();
  const config = getAuthConfig();
  const t = await getTranslations('account');
  if (config.mode === 'none') {
    return (
      <p className="banner" role="note" style={{ flexBasis: '100%', margin: 0 }}>
        {t('authOff')}
      </p>
    );
  }
  const viewer = await currentViewer();
  if (viewer.kind !== 'user') return null;
  const who = viewer.user.email ?? viewer.user.name ?? viewer.user.sub;
  return (
    <div className="presets" style={{ alignItems: 'center' }}>
      <span className="muted" title={viewer.user.name}>
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
