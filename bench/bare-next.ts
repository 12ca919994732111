// A bare Next.js App Router app built in the same run with this repository's next, react and pop-core,
// served as the portal is (the standalone server.js). It gives these baselines:
//  - a one-page app, for the page weight of the portal's pages;
//  - a route handler that forwards ListMediaInfoJobs with pop-core and does nothing else (no sign-in,
//    no validation, no logs): the least any Next.js route can add to an upstream call, for the proxy
//    overhead of /api/jobs;
//  - the same route that also does the two checks the portal may not drop: the portal's session cookie
//    unsealed with its own code and secret (401 without it), and the answer checked with the portal's
//    own zod schema before it is sent. Beside it, what the portal costs over the plain route splits
//    into those two checks and the rest of the portal (the load curve's proposed baseline);
//  - a page that makes the same call and renders its rows as a table (server-rendered, no client
//    code, no sign-in, no validation), the floor for the list page /jobs under load.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { API_VERSION } from '../emulator/authenticate';
import { DEMO_CREDENTIALS } from '../emulator/options';
import { freePort } from '../harness/free-port';
import { buildEnv } from '../harness/portal-build';
import { stopProcess } from '../harness/stop-process';

export interface BareNext {
  url: string;
  /** The server's process, for its CPU time. */
  pid: number;
  /** GET ?PageSize=N: the same signed ListMediaInfoJobs call the portal makes, answered as is. */
  forwarderPath: string;
  /** GET ?PageSize=N with the portal's session cookie: the forwarder, plus the session and answer checks. */
  checkedForwarderPath: string;
  /** GET ?PageSize=N: a page with a table of the rows of the same ListMediaInfoJobs call. */
  listPagePath: string;
  stop(): Promise<void>;
}

/** `root`: the repository, relative to the app's directory. */
const FILES = (root: string): Record<string, string> => ({
  'package.json': JSON.stringify({ name: 'bare', private: true }),
  // Turbopack's root must contain the symlinked node_modules; pop-core needs Node built-ins, as in the portal.
  'next.config.js': `module.exports = { turbopack: { root: '/' }, output: 'standalone', serverExternalPackages: ['@alicloud/pop-core'] };\n`,
  'app/layout.js': 'export default function L({ children }) { return <html lang="en"><body>{children}</body></html>; }\n',
  'app/page.js': "export const dynamic = 'force-dynamic';\nexport default function P() { return <main><h1>Bare page</h1></main>; }\n",
  // The one ListMediaInfoJobs call every route and page of the bare app makes.
  'app/list-jobs.js': `import RPCClient from '@alicloud/pop-core';
let rpc;
/** EndOfCreateTime only when given: the load curve varies it so that no two requests are the same. */
export function listJobs(pageSize, end) {
  // Made on first use, as the portal's client is: the build has no endpoint.
  rpc ??= new RPCClient({ endpoint: process.env.ICE_ENDPOINT, apiVersion: '${API_VERSION}', accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID, accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET });
  return rpc.request('ListMediaInfoJobs', { PageSize: pageSize ?? '10', ...(end ? { EndOfCreateTime: end } : {}) });
}
`,
  'app/forward/route.js': `import { listJobs } from '../list-jobs';
export const dynamic = 'force-dynamic';
export async function GET(request) {
  const params = request.nextUrl.searchParams;
  return Response.json(await listJobs(params.get('PageSize'), params.get('EndOfCreateTime')));
}
`,
  // The portal's own modules, by its own alias, so that the checks are the portal's code and no copy.
  'jsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@/*': [`${root}/*`] } } }),
  'app/forward-checked/route.js': `import { unseal } from '@/lib/auth/sealed-cookie';
import { cookieNameFor } from '@/lib/auth/cookie-names';
import { listJobsResponseSchema } from '@/lib/ice/schemas';
import { listJobs } from '../list-jobs';
export const dynamic = 'force-dynamic';
export async function GET(request) {
  if (!unseal(request.cookies.get(cookieNameFor('session', false))?.value, process.env.AUTH_SECRET, 'session')) {
    return Response.json({ error: 'no session' }, { status: 401 });
  }
  const params = request.nextUrl.searchParams;
  const { Jobs, NextPageToken, RequestId } = listJobsResponseSchema.parse(await listJobs(params.get('PageSize'), params.get('EndOfCreateTime')));
  return Response.json({ Jobs, NextPageToken, RequestId });
}
`,
  'app/jobs/page.js': `import { listJobs } from '../list-jobs';
export const dynamic = 'force-dynamic';
const cell = (v) => (v === undefined || v === null || v === '' ? '—' : String(v));
export default async function Jobs({ searchParams }) {
  const q = await searchParams;
  const { Jobs } = await listJobs(q.PageSize, q.EndOfCreateTime);
  return (
    <main>
      <h1>Media info jobs</h1>
      <table>
        <thead><tr>{['Job ID', 'Name', 'Status', 'Trigger', 'File', 'Container', 'Duration', 'Resolution', 'Video', 'Audio', 'Size', 'Submitted', 'Finished'].map((h) => <th key={h}>{h}</th>)}</tr></thead>
        <tbody>
          {Jobs.map((job) => {
            const file = job.MediaInfoProperty?.FileBasicInfo ?? {};
            return (
              <tr key={job.JobId}>
                <td><a href={'/jobs/' + encodeURIComponent(job.JobId)}>{job.JobId}</a></td>
                <td>{cell(job.Name)}</td>
                <td>{cell(job.Status)}</td>
                <td>{cell(job.TriggerSource)}</td>
                <td>{cell(file.FileName ?? job.Input?.Media)}</td>
                <td>{cell(file.FormatName)}</td>
                <td>{cell(file.Duration)}</td>
                <td>{file.Width ? file.Width + ' × ' + file.Height : '—'}</td>
                <td>{cell((job.MediaInfoProperty?.VideoStreamInfoList ?? []).map((s) => s.Codec_name).join(', '))}</td>
                <td>{cell((job.MediaInfoProperty?.AudioStreamInfoList ?? []).map((s) => s.CodecName).join(', '))}</td>
                <td>{cell(file.FileSize)}</td>
                <td>{cell(job.SubmitTime)}</td>
                <td>{cell(job.FinishTime)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </main>
  );
}
`,
});

/** `authSecret`: the portal's AUTH_SECRET, for the checked forwarder's session check. */
export async function startBareNext(root: string, emulatorUrl: string, authSecret = ''): Promise<BareNext> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bare-next-'));
  for (const [name, text] of Object.entries(FILES(path.relative(dir, root)))) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  // The very same packages the portal runs on.
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const env = buildEnv();
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], { cwd: dir, encoding: 'utf8', env });
  if (build.status !== 0) throw new Error(`bare build failed:\n${build.stdout}\n${build.stderr}`);
  // With Turbopack's root at /, the standalone server sits at the app's own path inside standalone/.
  const standalone = path.join(dir, '.next', 'standalone', path.relative('/', dir));
  cpSync(path.join(dir, '.next', 'static'), path.join(standalone, '.next', 'static'), { recursive: true });

  const port = await freePort();
  const server = spawn(process.execPath, [path.join(standalone, 'server.js')], {
    cwd: standalone,
    stdio: 'ignore',
    env: {
      ...env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      ICE_ENDPOINT: emulatorUrl,
      ALIBABA_CLOUD_ACCESS_KEY_ID: DEMO_CREDENTIALS.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEMO_CREDENTIALS.accessKeySecret,
      AUTH_SECRET: authSecret,
    },
  });
  const stop = () => stopProcess(server).then(() => rmSync(dir, { recursive: true, force: true }));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (await fetch(`${url}/`).then((r) => r.ok, () => false)) break;
    if (i >= 300 || server.exitCode !== null) {
      await stop();
      throw new Error('the bare Next.js app did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, pid: server.pid!, forwarderPath: '/forward', checkedForwarderPath: '/forward-checked', listPagePath: '/jobs', stop };
}
