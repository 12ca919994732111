import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { submitPermission } from '@/lib/submit/submit-permission';

/** The header's way to /jobs/new, shown only to people who may submit. */
export async function NewProbeLink() {
  if (!(await submitPermission()).allowed) return null;
  const t = await getTranslations('header');
  return (
    <Link className="nav-link" href="/jobs/new" prefetch={false}>
      {t('newProbe')}
    </Link>
  );
}
