// The load curve (issue 23): the portal beside a bare Next.js app making the same signed
// ListMediaInfoJobs call with pop-core, under 1, 16 and 64 connections of autocannon, with the emulator
// behind 30 ms of latency. Two pairs: /api/jobs beside the bare forwarding route, and the list page
// /jobs beside a bare page that renders the same rows as a table.
//
// Every request carries its own EndOfCreateTime (a distinct second, far after every seeded job, so the
// rows are the same), so the portal never answers from its 1 s reuse window and both sides make one real
// upstream call per request. Each level runs portal, bare, bare, portal (BENCH_LOAD_SECONDS each, 3 by
// default), so drift in the machine's load falls on both sides alike; latencies are recorded per
// response and pooled across a side's two slices. autocannon runs in this process, on the same cores as
// the servers, for both sides.
//
// Beside the curve, each pair is also loaded at once, both sides together, for the CPU time each server
// process spends per answer (from /proc): what the throughput ratio stands for once both sides are
// CPU-bound, read directly and in milliseconds, the figure a change to the request path should move.
// No target; it varies between runs about as much as the throughput ratio does.
//
// Targets at 16 and 64 connections: portal throughput >= 0.9 × bare, p99 <= 1.3 × bare's; no errors
// (socket errors, timeouts or non-2xx answers) on either side at any level.
//
// A third pair, without targets: /api/jobs beside the bare route that also checks the portal's session
// cookie and the answer with the portal's own code (bare-next.ts), at 16 and 64 connections and both at
// once. The issue keeps both checks ("bad answers from ICE are still refused"), so this pair shows what
// the rest of the portal costs over them: the figure for the baseline proposed in place of the plain route.
//
// The list page is asked as a reader first opens it: no PageSize in its URL, so its default 20 rows with
// the filter bar's More filters closed (a PageSize in the URL would open them, PageSize being one of
// them), beside the bare page asked for the same 20 rows.
//
// And for the list page, where its CPU goes: /jobs alone with its 20 rows, one, and none, beside the bare
// page (listCpuByRows); the page with no rows over the bare page is what no change to the rows can beat.
import autocannon from 'autocannon';
import { popCoreClient, readStats, resetStats, setFaults } from '../harness/emulator-control';
import { buildPortalIfNeeded } from '../harness/portal-build';
import { REPO_ROOT } from '../harness/repo-root';
import { DEFAULT_PAGE_SIZE } from '../lib/jobs/list-query';
import { startBareNext, type BareNext } from './bare-next';
import { report, type Figure } from './report';
import { cpuMs, percentile, startBenchStack, type BenchStack } from './stack';

export const LOAD_TITLE = 'Load curve: portal beside a bare Next.js app (30 ms upstream)';
const LEVELS = [1, 16, 64];
const TARGET_LEVELS = new Set([16, 64]);
/** Connections of each side while both are loaded at once. */
const TOGETHER_CONNECTIONS = 8;
const LATENCY_MS = 30;
/** Rows of each /api/jobs answer. */
const PAGE_SIZE = 10;
/** Rows of the list page as first opened, with no PageSize in its URL. */
const LIST_ROWS = DEFAULT_PAGE_SIZE;
const SLICE_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 3);
/**
 * The portal's cap on ICE calls in flight (ICE_MAX_CONCURRENCY, 8 by default) is a guard for the
 * account's ICE quota that the bare route does not have: at 30 ms a call, 8 in flight alone hold the
 * portal to about 260 req/s, whatever its CPU. The curve measures CPU per request, so the cap is set
 * at the highest level of connections; docs/benchmarks.md says what the default gives.
 */
const PORTAL_ICE_CONCURRENCY = Math.max(...LEVELS);

interface Side {
  url: string;
  path: string;
  headers: Record<string, string>;
  /** How its URL asks for rows: `PageSize=n&`, or '' for the list page's default; default PAGE_SIZE rows. */
  rows?: string;
  /** Each request's window; default a distinct end after every job. */
  window?: () => string;
  /** Before the rest of the query: `_rsc&` asks for the flight data alone. */
  prefix?: string;
}

interface Sample {
  latencies: number[];
  responses: number;
  seconds: number;
  errors: number;
}

/** A distinct second after 2030 for every request of the run, whichever side sends it. */
let sequence = 0;
const distinctEnd = () => new Date(Date.UTC(2030, 0, 1) + sequence++ * 1000).toISOString().replace('.000Z', 'Z');
/** The same, in 2000: a window that ends before any job of the emulator's, so a page of no rows. */
const distinctEmptyEnd = () => new Date(Date.UTC(2000, 0, 1) + sequence++ * 1000).toISOString().replace('.000Z', 'Z');
const queryOf = (side: Side) => `${side.prefix ?? ''}${side.rows ?? `PageSize=${PAGE_SIZE}&`}${(side.window ?? (() => `EndOfCreateTime=${distinctEnd()}`))()}`;

async function slice(side: Side, connections: number, seconds: number, into: Sample): Promise<void> {
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: side.url,
        connections,
        duration: seconds,
        headers: side.headers,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `${side.path}?${queryOf(side)}` }) }],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => into.latencies.push(responseTime));
  });
  into.responses += result.requests.total;
  into.seconds += result.duration;
  into.errors += result.errors + result.timeouts + result.non2xx;
}

const empty = (): Sample => ({ latencies: [], responses: 0, seconds: 0, errors: 0 });

/** Portal, bare, bare, portal at one level; each answer must have cost an upstream call of its own. */
async function level(emulatorUrl: string, portal: Side, bare: Side, connections: number): Promise<{ portal: Sample; bare: Sample }> {
  const samples = { portal: empty(), bare: empty() };
  for (const who of ['portal', 'bare', 'bare', 'portal'] as const) {
    await resetStats(emulatorUrl);
    const before = samples[who].responses;
    await slice(who === 'portal' ? portal : bare, connections, SLICE_SECONDS, samples[who]);
    await checkOwnUpstreamCalls(emulatorUrl, who, samples[who].responses - before);
  }
  return samples;
}

/** Since the emulator's last reset, each of `answered` answers must have cost an upstream call of its own. */
async function checkOwnUpstreamCalls(emulatorUrl: string, who: string, answered: number): Promise<void> {
  const upstream = (await readStats(emulatorUrl)).requests;
  if (upstream < answered) throw new Error(`${who}: ${answered} answers from ${upstream} upstream calls; some were reused, so the sides did different work`);
}

interface CpuPerAnswer {
  portalMs: number;
  bareMs: number;
  errors: number;
}

/** Both sides at once, for the CPU time of each server process per answer; each answer its own upstream call. */
async function cpuPerAnswer(emulatorUrl: string, portal: Side, bare: Side, pids: { portal: number; bare: number }): Promise<CpuPerAnswer> {
  await resetStats(emulatorUrl);
  const samples = { portal: empty(), bare: empty() };
  const before = { portal: cpuMs(pids.portal), bare: cpuMs(pids.bare) };
  await Promise.all([
    slice(portal, TOGETHER_CONNECTIONS, 2 * SLICE_SECONDS, samples.portal),
    slice(bare, TOGETHER_CONNECTIONS, 2 * SLICE_SECONDS, samples.bare),
  ]);
  const used = { portal: cpuMs(pids.portal) - before.portal, bare: cpuMs(pids.bare) - before.bare };
  await checkOwnUpstreamCalls(emulatorUrl, 'both at once', samples.portal.responses + samples.bare.responses);
  return { portalMs: used.portal / samples.portal.responses, bareMs: used.bare / samples.bare.responses, errors: samples.portal.errors + samples.bare.errors };
}

/**
 * Where the list page's CPU goes: its CPU per answer with LIST_ROWS rows, with one (a window of one job,
 * so that the URL names no PageSize either), and with none (a window before any job), each alone, in
 * alternating rounds, beside the bare page's LIST_ROWS rows. The
 * page with no rows over the bare page is the floor of what any change to the rows alone can reach. Each
 * page's flight data alone, asked as a navigation asks, splits its cost between the server components
 * and the HTML that client components and markup make from them.
 */
async function listCpuByRows(portal: Side, bare: Side, oneJob: () => string, pids: { portal: number; bare: number }): Promise<Figure[]> {
  const variants = [
    { name: 'rows', side: portal, pid: pids.portal },
    { name: 'one', side: { ...portal, window: oneJob }, pid: pids.portal },
    { name: 'none', side: { ...portal, window: () => `EndOfCreateTime=${distinctEmptyEnd()}` }, pid: pids.portal },
    { name: 'bare', side: bare, pid: pids.bare },
    // The same pages asked as the client router asks on a navigation: the flight data alone (server
    // components rendered and serialised), without the HTML made from it. `_rsc` with no value is what
    // Next.js accepts from a request that sends no router state.
    { name: 'flight', side: asFlight(portal), pid: pids.portal },
    { name: 'bareFlight', side: asFlight(bare), pid: pids.bare },
  ] as const;
  const used = Object.fromEntries(variants.map((v) => [v.name, { cpu: 0, sample: empty() }])) as Record<(typeof variants)[number]['name'], { cpu: number; sample: Sample }>;
  for (let round = 0; round < 3; round++) {
    for (const { name, side, pid } of variants) {
      const before = cpuMs(pid);
      await slice(side, TOGETHER_CONNECTIONS, SLICE_SECONDS, used[name].sample);
      used[name].cpu += cpuMs(pid) - before;
    }
  }
  const ms = (name: keyof typeof used) => used[name].cpu / used[name].sample.responses;
  return [
    { name: `/jobs alone (${TOGETHER_CONNECTIONS} conn.): CPU per answer with ${LIST_ROWS} rows`, value: ms('rows'), unit: 'ms' },
    { name: '  with 1 row', value: ms('one'), unit: 'ms' },
    { name: '  with no rows (a window before any job)', value: ms('none'), unit: 'ms' },
    { name: `  each row (${LIST_ROWS} rows less 1, over ${LIST_ROWS - 1})`, value: (ms('rows') - ms('one')) / (LIST_ROWS - 1), unit: 'ms' },
    { name: `  bare page, ${LIST_ROWS} rows`, value: ms('bare'), unit: 'ms' },
    { name: `  /jobs with no rows over the bare page with ${LIST_ROWS}`, value: ms('none') / ms('bare'), unit: '×' },
    { name: `  /jobs, ${LIST_ROWS} rows, its flight data alone (server components)`, value: ms('flight'), unit: 'ms' },
    { name: '  /jobs, the HTML made from it (client components and markup: the rest)', value: ms('rows') - ms('flight'), unit: 'ms' },
    { name: `  bare page, ${LIST_ROWS} rows: flight data alone / the HTML made from it`, value: ms('bareFlight'), unit: `/ ${(ms('bare') - ms('bareFlight')).toFixed(1)} ms` },
    { name: '  errors, timeouts, non-2xx', value: Object.values(used).reduce((sum, u) => sum + u.sample.errors, 0), unit: '', target: { atMost: 0 } },
  ];
}

function asFlight(side: Side): Side {
  return { ...side, headers: { ...side.headers, RSC: '1' }, prefix: '_rsc&' };
}

/** Each page must list the same `rows` jobs as ICE does for `window`, or the pair compares different work. */
async function checkSameRows(stack: BenchStack, sides: Side[], rows: number, window = `EndOfCreateTime=${distinctEnd()}`): Promise<void> {
  const ice = Object.fromEntries(new URLSearchParams(window));
  const { Jobs } = await popCoreClient(stack.emulator.url).request<{ Jobs: { JobId: string }[] }>('ListMediaInfoJobs', { PageSize: rows, ...ice });
  for (const side of sides) {
    const res = await fetch(`${side.url}${side.path}?${queryOf({ ...side, window: () => window })}`, { headers: side.headers });
    const html = await res.text();
    const missing = Jobs.filter((j) => !html.includes(j.JobId));
    if (res.status !== 200 || Jobs.length !== rows || missing.length > 0) throw new Error(`${side.url}${side.path} answered ${res.status} without ${missing.length} of ${Jobs.length} jobs`);
  }
}

/**
 * Windows that hold exactly one job each (a second in which one job was made, and none in the next), in
 * turn: the list page with one row and no PageSize in its URL. Read from the emulator's jobs.
 */
async function oneJobWindows(stack: BenchStack): Promise<() => string> {
  const client = popCoreClient(stack.emulator.url);
  const seconds = new Map<number, number>();
  let token: string | undefined;
  do {
    const page = await client.request<{ Jobs: { SubmitTime: string }[]; NextPageToken?: string }>('ListMediaInfoJobs', { PageSize: 100, ...(token ? { NextPageToken: token } : {}) });
    for (const job of page.Jobs) {
      const second = Date.parse(job.SubmitTime) / 1000;
      seconds.set(second, (seconds.get(second) ?? 0) + 1);
    }
    token = page.NextPageToken;
  } while (token);
  const iso = (second: number) => new Date(second * 1000).toISOString().replace('.000Z', 'Z');
  const windows = [...seconds].filter(([second, jobs]) => jobs === 1 && !seconds.has(second + 1)).map(([second]) => `StartOfCreateTime=${iso(second)}&EndOfCreateTime=${iso(second + 1)}`);
  if (windows.length < 100) throw new Error(`only ${windows.length} windows of one job among the emulator's jobs`);
  let next = 0;
  return () => windows[next++ % windows.length]!;
}

const rate = (s: Sample) => s.responses / s.seconds;
const p = (s: Sample, q: number) => percentile(s.latencies, q);

/**
 * The least throughput beside the bare side: the API route 0.9 of the bare route's; the list page,
 * which renders its filter bar, table library, chooser and export control where the bare page renders
 * plain rows, 0.5 of the bare page's.
 */
const THROUGHPUT_TARGETS: Record<string, number> = { '/api/jobs': 0.9, '/jobs': 0.5 };

function figuresOf(what: string, connections: number, portal: Sample, bare: Sample, withTargets: boolean): Figure[] {
  const targeted = withTargets && TARGET_LEVELS.has(connections);
  const at = `${what}, ${connections} conn.`;
  const least = THROUGHPUT_TARGETS[what];
  return [
    { name: `${at}: portal / bare req/s`, value: rate(portal), unit: `/ ${rate(bare).toFixed(0)} req/s` },
    { name: '  throughput portal / bare', value: rate(portal) / rate(bare), unit: '×', ...(targeted && least ? { target: { atLeast: least } } : {}) },
    { name: '  portal p50 / p99', value: p(portal, 50), unit: `/ ${p(portal, 99).toFixed(0)} ms` },
    { name: '  bare p50 / p99', value: p(bare, 50), unit: `/ ${p(bare, 99).toFixed(0)} ms` },
    { name: '  p99 portal / bare', value: p(portal, 99) / p(bare, 99), unit: '×', ...(targeted ? { target: { atMost: 1.3 } } : {}) },
    { name: '  errors, timeouts, non-2xx: portal', value: portal.errors, unit: '', target: { atMost: 0 } },
    { name: '  errors, timeouts, non-2xx: bare', value: bare.errors, unit: '', target: { atMost: 0 } },
  ];
}

function cpuFigures(what: string, cpu: CpuPerAnswer): Figure[] {
  return [
    { name: `${what}, both at once (${TOGETHER_CONNECTIONS} conn. each): CPU per answer portal / bare`, value: cpu.portalMs / cpu.bareMs, unit: `× (${cpu.portalMs.toFixed(2)} / ${cpu.bareMs.toFixed(2)} ms)` },
    { name: '  errors, timeouts, non-2xx: both', value: cpu.errors, unit: '', target: { atMost: 0 } },
  ];
}

function table(what: string, rows: { connections: number; portal: Sample; bare: Sample }[]): string {
  const lines = [`| ${what} connections | portal req/s | bare req/s | ratio | portal p50 / p99 | bare p50 / p99 |`, '|---|---|---|---|---|---|'];
  for (const { connections, portal, bare } of rows) {
    lines.push(`| ${connections} | ${rate(portal).toFixed(0)} | ${rate(bare).toFixed(0)} | ${(rate(portal) / rate(bare)).toFixed(2)} | ${p(portal, 50).toFixed(0)} / ${p(portal, 99).toFixed(0)} ms | ${p(bare, 50).toFixed(0)} / ${p(bare, 99).toFixed(0)} ms |`);
  }
  return lines.join('\n');
}

export async function loadFigures(): Promise<Figure[]> {
  const stack = await startBenchStack(['--jobs', '2000', '--seed', '3'], { ICE_MAX_CONCURRENCY: String(PORTAL_ICE_CONCURRENCY) });
  let bareApp: BareNext | undefined;
  try {
    bareApp = await startBareNext(REPO_ROOT, stack.emulator.url, stack.portalEnv.AUTH_SECRET);
    await setFaults(stack.emulator.url, { latencyMs: LATENCY_MS });
    const api = { url: stack.portal.url, path: '/api/jobs', headers: stack.signedIn };
    const pairs = [
      { what: '/api/jobs', levels: LEVELS, targets: true, portal: api, bare: { url: bareApp.url, path: bareApp.forwarderPath, headers: {} } },
      { what: '/jobs', levels: LEVELS, targets: true, portal: { url: stack.portal.url, path: '/jobs', headers: stack.signedIn, rows: '' }, bare: { url: bareApp.url, path: bareApp.listPagePath, headers: {}, rows: `PageSize=${LIST_ROWS}&` } },
      { what: '/api/jobs over the checked bare route', levels: [...TARGET_LEVELS], targets: false, portal: api, bare: { url: bareApp.url, path: bareApp.checkedForwarderPath, headers: stack.signedIn } },
    ];
    const oneJob = await oneJobWindows(stack);
    await checkSameRows(stack, [pairs[1]!.portal, pairs[1]!.bare], LIST_ROWS);
    await checkSameRows(stack, [pairs[1]!.portal], 1, oneJob());
    // Warm-up, not counted: compiled code and connection pools on every route.
    for (const { portal, bare } of pairs) for (const side of [portal, bare]) await slice(side, 16, 2, empty());
    const figures: Figure[] = [];
    for (const { what, levels, targets, portal, bare } of pairs) {
      const rows = [];
      for (const connections of levels) rows.push({ connections, ...(await level(stack.emulator.url, portal, bare, connections)) });
      console.log(`\n${table(what, rows)}`);
      for (const row of rows) figures.push(...figuresOf(what, row.connections, row.portal, row.bare, targets));
      figures.push(...cpuFigures(what, await cpuPerAnswer(stack.emulator.url, portal, bare, { portal: stack.portal.child.pid!, bare: bareApp.pid })));
      if (what === '/jobs') figures.push(...(await listCpuByRows(portal, bare, oneJob, { portal: stack.portal.child.pid!, bare: bareApp.pid })));
    }
    await setFaults(stack.emulator.url, {});
    return figures;
  } finally {
    await bareApp?.stop();
    await stack.stop();
  }
}

/**
 * `npx tsx bench/load.ts --drive <url> [connections] [seconds]`: the same distinct-query load against a
 * server you started yourself (for a CPU profile, see docs/benchmarks.md), printing req/s and p50/p99.
 * The URL's own query, if any, goes before each request's window: `/jobs` alone is the list as first
 * opened, `/api/jobs?PageSize=10` the API pair's answers.
 */
async function drive(target: string, connections: number, seconds: number): Promise<void> {
  const url = new URL(target);
  const sample = empty();
  await slice({ url: url.origin, path: url.pathname, headers: {}, rows: url.search ? `${url.search.slice(1)}&` : '' }, connections, seconds, sample);
  console.log(`${url.pathname}, ${connections} connections, ${seconds} s: ${rate(sample).toFixed(0)} req/s, p50 ${p(sample, 50).toFixed(0)} ms, p99 ${p(sample, 99).toFixed(0)} ms, errors ${sample.errors}`);
  process.exit(sample.errors === 0 ? 0 : 1);
}

// `npx tsx bench/load.ts`: this section alone.
if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === '--drive' && args[1]) {
    drive(args[1], Number(args[2] ?? 64), Number(args[3] ?? 20)).catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  } else {
    buildPortalIfNeeded(REPO_ROOT);
    loadFigures().then(
      (figures) => process.exit(report(LOAD_TITLE, figures) ? 0 : 1),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  }
}
