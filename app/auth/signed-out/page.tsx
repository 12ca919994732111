import type { Metadata } from 'next';
import { useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signedOutTitle') };
}

export default function SignedOut() {
  const t = useTranslations('auth');
  return (
    <section className="panel">
      <h1>{t('signedOut')}</h1>
      <p>
        <a href="/auth/login">{t('signInAgain')}</a>
      </p>
    </section>
  );
}
