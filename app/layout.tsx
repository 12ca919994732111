import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
// Noto Sans SC's slices as a CJK-only family, one weight (browsers embolden it for headings); why its own
// family: scripts/cjk-font-css.ts.
import './cjk-font.css';
import { NewProbeLink } from '@/components/submit/new-probe-link';
import { AccountMenu } from '@/components/ui/account-menu';
import { RegionMenu } from '@/components/ui/region-menu';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { TimeZoneToggle } from '@/components/ui/time-zone-toggle';
import { clientMessages } from '@/lib/i18n/client-messages';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('meta');
  return {
    title: { default: t('title'), template: `%s · ${t('title')}` },
    description: t('description'),
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
};

export default async function RootLayout({ children }: LayoutProps<'/'>) {
  const [locale, t, messages] = await Promise.all([getLocale(), getTranslations('header'), getMessages()]);
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider messages={clientMessages(messages)}>
          <a className="skip-link" href="#main">
            {t('skipLink')}
          </a>
          <header className="site-header">
            {/* No prefetch: for a signed-out reader (signed-out, 403 and 404 pages) it followed the login
                redirect and began a sign-in nobody asked for. proxy.ts cannot tell a prefetch apart:
                Next.js strips the router's headers before it runs. */}
            <Link className="brand" href="/jobs" prefetch={false}>
              {t('brand')}
            </Link>
            <Link className="nav-link" href="/insights" prefetch={false}>
              {t('insights')}
            </Link>
            <NewProbeLink />
            <span className="spacer" />
            <RegionMenu />
            <LanguageSwitch />
            <TimeZoneToggle />
            <AccountMenu />
          </header>
          <main id="main">{children}</main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
