import { getTranslations } from 'next-intl/server';
import { currentViewer } from '@/lib/auth/viewer';

// 403: signed in, but not allowed. Says why, and how to sign out to try another account.
export default async function Forbidden() {
  const [viewer, t, tAccount] = await Promise.all([currentViewer(), getTranslations('auth'), getTranslations('account')]);
  const reason = t(`denials.${viewer.kind === 'denied' ? viewer.reason : 'not_allowed'}`);
  return (
    <section className="panel error" aria-labelledby="denied-title">
      <h1 id="denied-title">{t('forbiddenTitle')}</h1>
      <p>
        {viewer.kind === 'denied' && viewer.email
          ? t.rich('forbiddenAs', { email: viewer.email, reason, strong: (chunks) => <strong>{chunks}</strong> })
          : t('forbiddenAnonymous', { reason })}
      </p>
      <p>{t('forbiddenHelp')}</p>
      <form method="post" action="/auth/logout">
        <button type="submit">{tAccount('signOut')}</button>
      </form>
    </section>
  );
}
