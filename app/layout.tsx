import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { AccountMenu } from '@/components/ui/account-menu';
import { TimeZoneToggle } from '@/components/ui/time-zone-toggle';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'ICE media-info jobs', template: '%s · ICE media-info jobs' },
  description: 'Browse, filter and share Alibaba Cloud ICE media-information jobs.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
};

export default function RootLayout({ children }: LayoutProps<'/'>) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link className="brand" href="/jobs">
            ICE media-info jobs
          </Link>
          <span className="spacer" />
          <TimeZoneToggle />
          <AccountMenu />
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
