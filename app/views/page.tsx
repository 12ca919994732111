import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PortalErrorPanel } from '@/components/ui/portal-error-panel';
import { ViewsList } from '@/components/views/views-list';
import { userKey } from '@/lib/auth/access';
import { requireUser } from '@/lib/auth/require-user';
import { toPortalError } from '@/lib/errors';
import { listViews } from '@/lib/views/saved-views';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('views'))('title') };
}

export default async function ViewsPage() {
  const user = await requireUser();
  const t = await getTranslations('views');
  let views;
  try {
    views = await listViews(userKey(user));
  } catch (error) {
    return (
      <>
        <h1>{t('title')}</h1>
        <PortalErrorPanel error={toPortalError(error)} what="page" />
      </>
    );
  }
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <ViewsList initial={views} />
    </>
  );
}
