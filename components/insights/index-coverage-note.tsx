import 'server-only';
import { getTranslations } from 'next-intl/server';
import { TimeText } from '@/components/ui/time-text';
import { indexCoverage } from '@/lib/index/index-runner';

/**
 * How far back the job index reaches for the page's region and when it last synced, so a reader knows
 * whether the figures can come from it; nothing when the index is off.
 */
export async function IndexCoverageNote({ region }: { region: string }) {
  const t = await getTranslations('insights');
  const coverage = await indexCoverage().catch(() => 'unreachable' as const);
  if (!coverage) return null;
  if (coverage === 'unreachable') return <p className="muted index-coverage">{t('indexUnreachable')}</p>;
  const held = coverage[region];
  if (!held?.from || !held.lastPassAt) return <p className="muted index-coverage">{t('indexFilling')}</p>;
  return (
    <p className="muted index-coverage">
      {t.rich('indexCoverage', { from: () => <TimeText iso={held.from} />, time: () => <TimeText iso={held.lastPassAt} relative /> })}
    </p>
  );
}
