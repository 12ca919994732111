// Lighthouse (the npm package) on both pages, in the same Chromium the browser tests use, with the
// desktop settings: the portal is a desk tool. Scores are 0 to 100.
import { launchBrowser } from '../harness/browser';
import { popCoreClient } from '../harness/emulator-control';
import { freePort } from '../harness/free-port';
import type { Figure } from './report';
import type { BenchStack } from './stack';

export async function lighthouseFigures(stack: BenchStack): Promise<Figure[]> {
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
  const port = await freePort();
  const browser = await launchBrowser([`--remote-debugging-port=${port}`]);
  const { Jobs } = await popCoreClient(stack.emulator.url).request<{ Jobs: { JobId: string }[] }>('ListMediaInfoJobs', { PageSize: 1, Status: 'Success' });
  const figures: Figure[] = [];
  try {
    for (const [name, path] of [['/jobs', '/jobs'], ['/jobs/[jobId]', `/jobs/${Jobs[0]!.JobId}`]] as const) {
      const result = await lighthouse(
        `${stack.portal.url}${path}`,
        { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'], extraHeaders: stack.signedIn },
        desktopConfig,
      );
      const categories = result!.lhr.categories;
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      figures.push(
        { name: `Lighthouse ${name}: performance`, value: score('performance'), unit: '', target: { atLeast: 95 } },
        { name: `Lighthouse ${name}: accessibility`, value: score('accessibility'), unit: '', target: { atLeast: 100 } },
        { name: `Lighthouse ${name}: best practices`, value: score('best-practices'), unit: '', target: { atLeast: 95 } },
      );
      for (const [id, audit] of Object.entries(result!.lhr.audits)) {
        if (audit.score !== null && audit.score < 1 && ['accessibility', 'best-practices'].some((c) => categories[c]?.auditRefs.some((r) => r.id === id && r.weight > 0))) {
          console.log(`    ${name}: ${id}: ${audit.title}`);
        }
      }
    }
  } finally {
    await browser.close();
  }
  return figures;
}
