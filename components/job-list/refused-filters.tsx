import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PortalErrorPanel } from '@/components/ui/portal-error-panel';
import type { PortalError } from '@/lib/errors';
import { DEFAULT_SEARCH_DAYS } from '@/lib/jobs/filter-set';
import { specChoices } from '@/lib/specs/spec-config';
import { hasFilterField, type FilterPath, type FilterValues } from '@/lib/jobs/filter-values';
import { FilterBar } from './filter-bar';

/**
 * A page whose filters were refused. A filter's value is refused in its field, in the reader's
 * language, to be corrected there; anything else (a stale page token, a trail, the list's paging on the
 * insights) cannot be corrected in the bar and gets the error panel, with a way back to a clean page.
 */
export async function RefusedFilters({ heading, error, values, path }: { heading: string; error: PortalError; values: FilterValues; path: FilterPath }) {
  const inForm = hasFilterField(error.field, path);
  const t = await getTranslations('list');
  return (
    <>
      <h1>{heading}</h1>
      <FilterBar path={path} values={values} invalid={inForm ? { field: error.field!, params: error.params } : undefined} searchDefaultDays={DEFAULT_SEARCH_DAYS} specs={specChoices()} />
      {inForm ? (
        <p className="muted">{(await getTranslations('filters'))('fixField')}</p>
      ) : (
        <>
          <PortalErrorPanel error={error} what={path === '/jobs' ? 'list' : 'page'} />
          <p>
            <Link href={path}>{t('startAgain')}</Link>
          </p>
        </>
      )}
    </>
  );
}
