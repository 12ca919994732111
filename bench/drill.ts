// Fault drill: a bounded run with 20% of upstream calls failing in every way the emulator knows.
// Every answer must be a success or a clear 4xx/5xx (JSON error or error page), never a stack trace
// or a secret; resident memory must not grow more than 10%; and everything must work again once the
// faults stop.
import { readFileSync } from 'node:fs';
import { DEMO_CREDENTIALS } from '../emulator/options';
import { popCoreClient, resetFaults, setFaults } from '../__tests__/support/emulator-process';
import type { Figure } from './report';
import { startBenchStack } from './stack';

const STACK_TRACE = /\n\s+at [^\n]+\(?[^\n]+:\d+:\d+\)?|node_modules\/|webpack-internal|\.ts:\d+:\d+/;
const SECRETS = [DEMO_CREDENTIALS.accessKeyId, DEMO_CREDENTIALS.accessKeySecret, 'Signature='];

function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

export async function drillFigures(seconds = Number(process.env.BENCH_DRILL_SECONDS || 120)): Promise<Figure[]> {
  const stack = await startBenchStack(['--jobs', '3000', '--seed', '8'], { ICE_TIMEOUT_MS: '2000' });
  try {
    const { Jobs } = await popCoreClient(stack.emulator.url).request<{ Jobs: { JobId: string }[] }>('ListMediaInfoJobs', { PageSize: 50 });
    const routes = (i: number) => {
      const job = Jobs[i % Jobs.length]!.JobId;
      return [`/api/jobs?PageSize=${1 + (i % 50)}`, `/api/jobs/${job}`, `/jobs?PageSize=${10 + (i % 5)}`, `/jobs/${job}`, '/api/jobs?PageSize=0'][i % 5]!;
    };
    await setFaults(stack.emulator.url, {
      rates: { throttle: 0.04, internalError: 0.04, serviceUnavailable: 0.04, badGateway: 0.03, truncatedJson: 0.03, hang: 0.02 },
    });
    let total = 0;
    let unclear = 0;
    let leaks = 0;
    let failures = 0;
    // V8 grows its heap to the workload's size in the first seconds (measured: RSS rises from ~120 MB to
    // ~330 MB, then stays flat): memory is compared from the end of a warm-up under the same faults.
    const warmupSeconds = Math.max(15, Math.round(seconds / 4));
    let rssBefore = 0;
    setTimeout(() => (rssBefore = rssBytes(stack.portal.child.pid!)), warmupSeconds * 1000);
    const until = Date.now() + (warmupSeconds + seconds) * 1000;
    const worker = async (w: number) => {
      for (let i = w; Date.now() < until; i += 8) {
        const route = routes(i);
        const res = await fetch(`${stack.portal.url}${route}`, { headers: stack.signedIn });
        const body = await res.text();
        total += 1;
        if (STACK_TRACE.test(body) || SECRETS.some((s) => body.includes(s))) leaks += 1;
        if (res.status === 200) {
          // A page can carry its error in place (with the RequestId): that is a clear answer too.
          continue;
        }
        failures += 1;
        const clear =
          res.status >= 400 &&
          res.status < 600 &&
          (route.startsWith('/api/') ? /^\{"error":\{"code":"[a-z_]+","message":"[^"]{10,}/.test(body) : body.includes('</html>'));
        if (!clear) unclear += 1;
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
    await resetFaults(stack.emulator.url);
    await new Promise((r) => setTimeout(r, 2500)); // hung calls end at ICE_TIMEOUT_MS
    const rssAfter = rssBytes(stack.portal.child.pid!);

    let recovered = 0;
    for (let i = 0; i < 50; i++) {
      const res = await fetch(`${stack.portal.url}/api/jobs?PageSize=${(i % 20) + 1}&Status=Success`, { headers: stack.signedIn });
      if (res.status === 200) recovered += 1;
    }
    return [
      { name: `fault drill (${warmupSeconds} s warm-up + ${seconds} s, 20% faults): answers`, value: total, unit: '' },
      { name: '  of which failures answered 4xx/5xx', value: failures, unit: '' },
      { name: '  failures without a clear JSON error or error page', value: unclear, unit: '', target: { atMost: 0 } },
      { name: '  answers with a stack trace or a secret', value: leaks, unit: '', target: { atMost: 0 } },
      { name: `  resident memory: ${(rssBefore / 2 ** 20).toFixed(0)} MB after warm-up, growth since`, value: ((rssAfter - rssBefore) / rssBefore) * 100, unit: '%', target: { atMost: 10 } },
      { name: '  after the faults stop: successful answers of 50', value: recovered, unit: '', target: { atLeast: 50 } },
    ];
  } finally {
    await stack.stop();
  }
}
