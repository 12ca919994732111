import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crawlJobs } from '@/__tests__/support/crawl-jobs';
import { startPortalStack, type PortalStack } from '@/harness/portal-stack';
import type { MediaInfoJob } from '@/lib/ice/schemas';
import { evaluateSpec, specsFileSchema, type SpecResult } from '@/lib/specs/delivery-spec';

// Delivery specs through the portal's API against the emulator, with the shipped example specs: a
// Spec= search finds exactly the jobs that a plain crawl (ICE's own paging) and the spec module say
// fail (or pass) it, every spec passing on some jobs and failing on others; the checks API answers a
// job's result; an unknown spec is a 400 naming Spec before ICE is asked.

const SPECS_FILE = path.resolve(__dirname, '../../config/media-specs.example.json');
const { specs } = specsFileSchema.parse(JSON.parse(readFileSync(SPECS_FILE, 'utf8')));
let stack: PortalStack;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const WINDOW = { StartOfCreateTime: iso(Date.now() - 95 * DAY), EndOfCreateTime: iso(Date.now() + 60_000) };

beforeAll(async () => {
  stack = await startPortalStack({
    emulatorArgs: ['--jobs', '1500', '--seed', '31'],
    portalEnv: { MEDIA_SPECS_FILE: SPECS_FILE, AUTH_RATE_LIMIT_PER_MINUTE: '100000', SCAN_CALLS_PER_MINUTE: '100000', SCAN_MAX_DAYS: '100' },
  });
});

afterAll(() => stack?.stop());

const crawl = (params: Record<string, string>) => crawlJobs<MediaInfoJob>(stack.portal.url, params);

it('finds with Spec= the jobs that fail a spec, and with SpecResult=pass those that pass it, as computed from a crawl', async () => {
  const all = await crawl(WINDOW);
  for (const spec of specs) {
    const passing = all.filter((job) => evaluateSpec(job, spec).Passed).map((job) => job.JobId).sort();
    // Only successful probes are judged.
    const failing = all.filter((job) => job.Status === 'Success' && !evaluateSpec(job, spec).Passed).map((job) => job.JobId).sort();
    // The seeded data set makes each spec pass on some files and fail on others.
    expect([spec.id, passing.length > 0, failing.length > 0]).toEqual([spec.id, true, true]);
    expect((await crawl({ ...WINDOW, Spec: spec.id })).map((job) => job.JobId).sort()).toEqual(failing);
    expect((await crawl({ ...WINDOW, Spec: spec.id, SpecResult: 'pass' })).map((job) => job.JobId).sort()).toEqual(passing);
  }
  // The export of "every delivery that fails the web spec" holds exactly those jobs.
  const exported = (await (await fetch(`${stack.portal.url}/api/jobs/export?${new URLSearchParams({ ...WINDOW, Spec: 'web-1080p', Format: 'ndjson' })}`)).text())
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { JobId?: string });
  const web = specs.find((spec) => spec.id === 'web-1080p')!;
  expect(exported.flatMap((line) => (line.JobId ? [line.JobId] : [])).sort()).toEqual(all.filter((job) => job.Status === 'Success' && !evaluateSpec(job, web).Passed).map((job) => job.JobId).sort());
});

it('answers a job’s result against a spec with its checks', async () => {
  const [job] = await crawl({ ...WINDOW, Spec: 'web-1080p', SpecResult: 'pass' });
  const answer = await fetch(`${stack.portal.url}/api/jobs/${job!.JobId}/checks?Spec=web-1080p`);
  expect(answer.status).toBe(200);
  const body = (await answer.json()) as { JobId: string; Checks: unknown[]; Spec: SpecResult };
  expect(body.Spec).toEqual(evaluateSpec(job!, specs[0]!));
  expect(body.Spec.Passed).toBe(true);
  expect(body.Spec.Rules.map((rule) => rule.Rule)).toEqual(Object.keys(specs[0]!.rules));
  // A failed probe is no delivery: not judged, rather than failing every rule.
  const [failed] = await crawl({ ...WINDOW, Status: 'Fail' });
  const notJudged = (await (await fetch(`${stack.portal.url}/api/jobs/${failed!.JobId}/checks?Spec=web-1080p`)).json()) as { Checks: unknown[]; Spec: SpecResult };
  expect(notJudged).toMatchObject({ Checks: [], Spec: { Id: 'web-1080p', Passed: false, Rules: [], NotJudged: 'no_successful_probe' } });
});

it('refuses an unknown spec, and a SpecResult without a Spec, with a 400 naming the field', async () => {
  for (const [url, field] of [
    [`/api/jobs?Spec=cinema-4k`, 'Spec'],
    [`/api/jobs?SpecResult=pass`, 'SpecResult'],
    [`/api/jobs?Spec=Not%20An%20Id`, 'Spec'],
    [`/api/jobs/${'a'.repeat(32)}/checks?Spec=cinema-4k`, 'Spec'],
    [`/api/insights?Spec=cinema-4k`, 'Spec'],
  ] as const) {
    const answer = await fetch(`${stack.portal.url}${url}`);
    expect([url, answer.status]).toEqual([url, 400]);
    expect(await answer.json()).toMatchObject({ error: { code: 'invalid_input', field } });
  }
  const body = (await (await fetch(`${stack.portal.url}/api/jobs?Spec=cinema-4k`)).json()) as { error: { message: string } };
  expect(body.error.message).toBe('Spec: "cinema-4k" names no delivery spec of this portal; it has web-1080p, broadcast-mezzanine, vertical-short');
});
