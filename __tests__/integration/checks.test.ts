import { crawlJobs } from '@/__tests__/support/crawl-jobs';
import { startPortalStack, type PortalStack } from '@/harness/portal-stack';
import { checkJob, CHECK_IDS, type Finding } from '@/lib/checks/media-checks';
import type { MediaInfoJob } from '@/lib/ice/schemas';

// The media checks through the portal's API against the emulator: GET /api/jobs/<JobId>/checks says
// what the checks module finds in the job ICE returns, and a Check= search finds exactly the jobs of a
// plain crawl (ICE's own paging, no search) in which the module finds that check.

let stack: PortalStack;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const WINDOW = { StartOfCreateTime: iso(Date.now() - 95 * DAY), EndOfCreateTime: iso(Date.now() + 60_000) };

beforeAll(async () => {
  stack = await startPortalStack({ emulatorArgs: ['--jobs', '1200', '--seed', '23'], portalEnv: { AUTH_RATE_LIMIT_PER_MINUTE: '100000', SCAN_CALLS_PER_MINUTE: '100000', SCAN_MAX_DAYS: '100' } });
});

afterAll(() => stack?.stop());

const crawl = (params: Record<string, string>) => crawlJobs<MediaInfoJob>(stack.portal.url, params);

let all: MediaInfoJob[];
beforeAll(async () => {
  all = await crawl(WINDOW);
});

it('answers the checks of a job: ids, severities and values, with an English sentence each', async () => {
  const flagged = all.filter((job) => checkJob(job).length >= 2).slice(0, 5);
  expect(flagged.length).toBe(5);
  for (const job of flagged) {
    const answer = await fetch(`${stack.portal.url}/api/jobs/${job.JobId}/checks`);
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { JobId: string; Checks: (Finding & { Message: string })[] };
    expect(body.JobId).toBe(job.JobId);
    expect(body.Checks.map(({ Message: _message, ...finding }) => finding)).toEqual(checkJob(job));
    for (const check of body.Checks) expect(check.Message).toMatch(/^[A-Z0-9{].*[.]$/);
  }
  // A failed job has no probe to check.
  const failed = all.find((job) => job.Status === 'Fail')!;
  expect((await (await fetch(`${stack.portal.url}/api/jobs/${failed.JobId}/checks`)).json()).Checks).toEqual([]);
});

it('refuses an unknown job with a 404 and a malformed id with a 400', async () => {
  const unknown = await fetch(`${stack.portal.url}/api/jobs/${'0'.repeat(32)}/checks`);
  expect(unknown.status).toBe(404);
  const malformed = await fetch(`${stack.portal.url}/api/jobs/${encodeURIComponent('not an id!')}/checks`);
  expect(malformed.status).toBe(400);
  expect(await malformed.json()).toMatchObject({ error: { code: 'invalid_input', field: 'JobId' } });
});

it('finds with Check= exactly the jobs in which the checks find it, for every check', async () => {
  const expected = new Map(CHECK_IDS.map((id) => [id, all.filter((job) => checkJob(job).some((finding) => finding.Id === id)).map((job) => job.JobId).sort()]));
  // The seeded data set gives each check something to find.
  expect(CHECK_IDS.filter((id) => expected.get(id)!.length === 0)).toEqual([]);
  for (const id of CHECK_IDS) {
    const found = (await crawl({ ...WINDOW, Check: id })).map((job) => job.JobId).sort();
    expect({ id, found }).toEqual({ id, found: expected.get(id) });
  }
});

it('refuses an unknown check with a 400 naming Check', async () => {
  const answer = await fetch(`${stack.portal.url}/api/jobs?Check=hdr`);
  expect(answer.status).toBe(400);
  expect(await answer.json()).toMatchObject({ error: { code: 'invalid_input', field: 'Check' } });
});

it('counts each check in the insights, and the count is the list’s', async () => {
  const insights = (await (await fetch(`${stack.portal.url}/api/insights?${new URLSearchParams(WINDOW)}`)).json()) as { Checks: Record<string, number> };
  for (const id of CHECK_IDS) expect([id, insights.Checks[id] ?? 0]).toEqual([id, all.filter((job) => checkJob(job).some((finding) => finding.Id === id)).length]);
});
