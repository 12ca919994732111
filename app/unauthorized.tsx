import { useTranslations } from 'next-intl';

// 401 in proxy-jwt mode: the identity proxy's token was missing its mark (expired, forged, for another
// audience). There is no login page to send anyone to, so say what happened instead of looping.
export default function Unauthorized() {
  const t = useTranslations('auth');
  return (
    <section className="panel error" aria-labelledby="unauthorized-title">
      <h1 id="unauthorized-title">{t('unauthorizedTitle')}</h1>
      <p>{t('unauthorizedText')}</p>
      <p>{t('unauthorizedHelp')}</p>
    </section>
  );
}
