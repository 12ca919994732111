// A plain Node.js forwarder in its own process: node:http and pop-core, nothing else. It is what
// serving /api outside Next.js could reach at best, printed beside the bare Next.js route so the
// share of the proxy overhead that is Next.js's own can be read off one run.
import { spawn } from 'node:child_process';
import { stopProcess } from '../harness/stop-process';
import { API_VERSION } from '../emulator/authenticate';
import { DEMO_CREDENTIALS } from '../emulator/options';

const SCRIPT = `
const http = require('node:http');
const RPCClient = require(process.env.POP_CORE);
const rpc = new RPCClient({ endpoint: process.env.ICE_ENDPOINT, apiVersion: '${API_VERSION}', accessKeyId: process.env.KEY_ID, accessKeySecret: process.env.KEY_SECRET });
const server = http.createServer(async (req, res) => {
  const pageSize = new URL(req.url, 'http://forwarder').searchParams.get('PageSize') ?? '10';
  const body = JSON.stringify(await rpc.request('ListMediaInfoJobs', { PageSize: pageSize }));
  res.writeHead(200, { 'content-type': 'application/json' }).end(body);
});
server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));
`;

export interface PlainForwarder {
  /** GET /?PageSize=N: the same signed ListMediaInfoJobs call, answered as is. */
  url: string;
  stop(): Promise<void>;
}

export async function startPlainForwarder(emulatorUrl: string): Promise<PlainForwarder> {
  const child = spawn(process.execPath, ['-e', SCRIPT], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      POP_CORE: require.resolve('@alicloud/pop-core'),
      ICE_ENDPOINT: emulatorUrl,
      KEY_ID: DEMO_CREDENTIALS.accessKeyId,
      KEY_SECRET: DEMO_CREDENTIALS.accessKeySecret,
    },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the plain forwarder exited with ${code}`)));
  });
  return { url, stop: () => stopProcess(child) };
}
