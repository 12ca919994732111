import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The project's own ESLint run (the same config `npm test` lints with) over a component that renders
// words as literals: each must be reported, and what comes from messages or is only symbols must not.
const ROOT = path.resolve(__dirname, '../../..');

const COMPONENT = `import { useTranslations } from 'next-intl';
export function Demo({ n, busy }: { n: number; busy: boolean }) {
  const t = useTranslations('list');
  return (
    <section aria-label="Jobs found">
      <h1>No jobs yet</h1>
      <p>{busy ? 'Loading jobs' : t('empty')}</p>
      <p>{busy && \`Scanned \${n} jobs\`}</p>
      <input placeholder="Paste a JobId" title={t('title')} />
      <p>作业列表</p>
      <p className="muted wrap" data-kind="summary-row">{t('heading')} · {n} — #</p>
    </section>
  );
}
`;

describe('the no-literal-text lint rule', () => {
  it('reports every literal a reader would see, and nothing else', () => {
    const result = spawnSync('npx', ['eslint', '--stdin', '--stdin-filename', 'components/demo.tsx', '--format', 'json'], { cwd: ROOT, input: COMPONENT, encoding: 'utf8' });
    const [file] = JSON.parse(result.stdout) as { messages: { ruleId: string; line: number; message: string }[] }[];
    const reported = file!.messages.filter((m) => m.ruleId === 'portal/no-literal-text').map((m) => [m.line, /"(.*)"/.exec(m.message)?.[1]]);
    expect(reported).toEqual([
      [5, 'Jobs found'],
      [6, 'No jobs yet'],
      [7, 'Loading jobs'],
      [8, 'Scanned … jobs'],
      [9, 'Paste a JobId'],
      [10, '作业列表'],
    ]);
  }, 60_000);
});
