// The emulator's HTTP server: ICE's RPC protocol on "/" (rpc-handler.ts), and a control API under
// /__emulator for tests and drills (control-api.ts), over one job store and one set of faults.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Credentials } from './authenticate';
import { createControlApi } from './control-api';
import { Faults, type FaultConfig } from './faults';
import { sendJson } from './http-io';
import { JobStore } from './job-store';
import { createRandom, mixSeed } from './random';
import { RequestStats } from './request-stats';
import { createRpcHandler } from './rpc-handler';

export interface EmulatorOptions {
  host: string;
  port: number;
  jobs: number;
  seed: number;
  /** "Now" of the seeded dataset: create times spread over the 90 days before it. */
  anchorMs: number;
  jobDelayMs: number;
  /** How long SubmitSyncMediaInfoJob takes to answer. */
  syncProbeMs: number;
  region: string;
  credentials: Credentials;
  faults: FaultConfig;
}

export interface RunningEmulator {
  url: string;
  store: JobStore;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const store = JobStore.seeded({ seed: options.seed, anchorMs: options.anchorMs }, options.jobs);
  const faults = new Faults(options.faults, createRandom(mixSeed(options.seed, 0xfa17)));
  const stats = new RequestStats();
  const handleRpc = createRpcHandler({ store, faults, stats, credentials: options.credentials, region: options.region, jobDelayMs: options.jobDelayMs, syncProbeMs: options.syncProbeMs });
  const handleControl = createControlApi({ store, faults, stats });

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const handle = url.pathname.startsWith('/__emulator/') ? handleControl : handleRpc;
    handle(req, res, url).catch((error: unknown) => {
      console.error('emulator: unexpected error', error);
      if (!res.headersSent) sendJson(res, 500, { error: 'emulator failure' });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;

  return {
    url: `http://${host}:${port}`,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
