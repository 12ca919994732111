// The emulator's HTTP server: ICE's RPC protocol on "/", and a control API under /__emulator for
// tests and drills (faults, request counters, fixtures) that answers local processes only (control-guard.ts).
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { actions } from './actions';
import { IceApiError, invalidParameter } from './api-error';
import { authenticate, NonceCache, type Credentials } from './authenticate';
import { refuseControlRequest } from './control-guard';
import { faultConfigSchema, Faults, type FaultConfig, type FaultKind } from './faults';
import { JobStore } from './job-store';
import { PageTokenCodec } from './page-token';
import { createRandom, mixSeed } from './random';
import type { MediaInfoJob } from './ice-types';

export interface EmulatorOptions {
  host: string;
  port: number;
  jobs: number;
  seed: number;
  /** "Now" of the seeded dataset: create times spread over the 90 days before it. */
  anchorMs: number;
  jobDelayMs: number;
  region: string;
  credentials: Credentials;
  faults: FaultConfig;
}

export interface RunningEmulator {
  url: string;
  store: JobStore;
  close(): Promise<void>;
}

interface Stats {
  requests: number;
  byAction: Record<string, number>;
  /** "Success", an ICE error code, or the injected fault kind. */
  byOutcome: Record<string, number>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const knownActions = new Set(Object.keys(actions));

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const store = JobStore.seeded({ seed: options.seed, anchorMs: options.anchorMs }, options.jobs);
  const faults = new Faults(options.faults, createRandom(mixSeed(options.seed, 0xfa17)));
  const tokens = new PageTokenCodec();
  const nonces = new NonceCache();
  const hostId = `ice.${options.region}.aliyuncs.com`;
  let stats = emptyStats();

  const answer = (res: ServerResponse, status: number, body: unknown, requestId?: string) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json;charset=utf-8',
      'content-length': Buffer.byteLength(text),
      ...(requestId ? { 'x-acs-request-id': requestId } : {}),
    });
    res.end(text);
  };

  const sendIceError = (res: ServerResponse, error: IceApiError, requestId: string) =>
    answer(
      res,
      error.httpStatus,
      {
        RequestId: requestId,
        HostId: hostId,
        Code: error.code,
        Message: error.message,
        Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=ICE&requestId=${requestId}`,
      },
      requestId,
    );

  const iceError = (res: ServerResponse, error: IceApiError, requestId: string) => {
    count(stats.byOutcome, error.code);
    sendIceError(res, error, requestId);
  };

  const injectFault = (res: ServerResponse, kind: FaultKind, requestId: string): void => {
    count(stats.byOutcome, kind);
    switch (kind) {
      case 'throttle':
        return sendIceError(res, new IceApiError(400, 'Throttling.User', 'Request was denied due to user flow control.'), requestId);
      case 'internalError':
        return sendIceError(res, new IceApiError(500, 'InternalError', 'The request processing has failed due to some unknown error.'), requestId);
      case 'serviceUnavailable':
        return sendIceError(res, new IceApiError(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.'), requestId);
      case 'badGateway': {
        const html = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n';
        res.writeHead(502, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(html) });
        res.end(html);
        return;
      }
      case 'truncatedJson': {
        const text = JSON.stringify({ RequestId: requestId, Jobs: [{ JobId: 'truncated', Status: 'Success' }] });
        const cut = text.slice(0, Math.floor(text.length / 2));
        res.writeHead(200, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(cut) });
        res.end(cut);
        return;
      }
      case 'hang':
        return; // never answered; closeAllConnections() ends it when the emulator stops
    }
  };

  const handleRpc = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const requestId = randomUUID().toUpperCase();
    stats.requests += 1;
    try {
      const method = req.method ?? 'GET';
      if (method !== 'GET' && method !== 'POST') {
        throw new IceApiError(405, 'UnsupportedHTTPMethod', 'ICE accepts GET and POST.');
      }
      const body = method === 'POST' ? await readBody(req) : '';
      const params = rpcParams(url, req.headers['content-type'], body);
      count(stats.byAction, params.Action ?? '(none)');

      const delay = faults.latencyMs();
      if (delay > 0) await sleep(delay);
      // A client that gave up during the delay must not consume a queued fault meant for the next one.
      if (res.destroyed || req.socket.destroyed) return;
      const fault = faults.draw();
      if (fault) return injectFault(res, fault, requestId);

      const nowMs = faults.nowMs();
      authenticate(method, params, { credentials: options.credentials, knownActions, nowMs, nonces });
      const handler = actions[params.Action!]!;
      const result = handler(params, { store, tokens, nowMs, requestId, jobDelayMs: options.jobDelayMs });
      count(stats.byOutcome, 'Success');
      answer(res, 200, result, requestId);
    } catch (error) {
      if (error instanceof IceApiError) return iceError(res, error, requestId);
      console.error('emulator: unexpected error', error);
      iceError(res, new IceApiError(500, 'InternalError', 'The request processing has failed due to some unknown error.'), requestId);
    }
  };

  const handleControl = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const refusal = refuseControlRequest(req);
    if (refusal) return answer(res, refusal.status, { error: refusal.error });
    const route = `${req.method} ${path}`;
    switch (route) {
      case 'GET /__emulator/health':
        return answer(res, 200, { ok: true, jobs: store.size, statuses: store.statusCounts() });
      case 'GET /__emulator/stats':
        return answer(res, 200, stats);
      case 'DELETE /__emulator/stats':
        stats = emptyStats();
        return answer(res, 200, stats);
      case 'GET /__emulator/faults':
        return answer(res, 200, faults.current);
      case 'PUT /__emulator/faults': {
        const parsed = faultConfigSchema.safeParse(await readJson(req));
        if (!parsed.success) return answer(res, 400, { error: 'invalid fault configuration', issues: parsed.error.issues });
        faults.replace(parsed.data);
        return answer(res, 200, faults.current);
      }
      case 'DELETE /__emulator/faults':
        faults.reset();
        return answer(res, 200, faults.current);
      case 'POST /__emulator/jobs': {
        const job = (await readJson(req)) as MediaInfoJob | undefined;
        if (!job || typeof job.JobId !== 'string' || !['Init', 'Success', 'Fail'].includes(job.Status)) {
          return answer(res, 400, { error: 'a job needs a string JobId and a Status of Init, Success or Fail' });
        }
        if (!store.add(job)) return answer(res, 409, { error: `job ${job.JobId} exists already` });
        return answer(res, 201, { JobId: job.JobId });
      }
      default:
        return answer(res, 404, { error: `no control route ${route}` });
    }
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const work = url.pathname.startsWith('/__emulator/')
      ? handleControl(req, res, url.pathname)
      : url.pathname === '/'
        ? handleRpc(req, res, url)
        : Promise.resolve(
            answer(res, 404, { RequestId: randomUUID().toUpperCase(), HostId: hostId, Code: 'InvalidURI', Message: 'ICE RPC calls go to "/".' }),
          );
    work.catch((error: unknown) => {
      if (error instanceof BadRequestBody) return answer(res, error.status, { error: error.message });
      console.error('emulator: unexpected error', error);
      if (!res.headersSent) answer(res, 500, { error: 'emulator failure' });
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

function emptyStats(): Stats {
  return { requests: 0, byAction: {}, byOutcome: {} };
}

function count(counter: Record<string, number>, key: string): void {
  counter[key] = (counter[key] ?? 0) + 1;
}

class BadRequestBody extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Query parameters and, for form POSTs, body parameters (the official SDKs send either). */
function rpcParams(url: URL, contentType: string | undefined, body: string): Record<string, string> {
  const params: Record<string, string> = {};
  const sources = [url.searchParams];
  if (body && (contentType ?? '').startsWith('application/x-www-form-urlencoded')) sources.push(new URLSearchParams(body));
  for (const source of sources) {
    for (const [name, value] of source) {
      // A repeated name would make the string to sign ambiguous.
      if (Object.hasOwn(params, name)) throw invalidParameter(name, 'the parameter is given more than once.');
      params[name] = value;
    }
  }
  return params;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new IceApiError(413, 'RequestEntityTooLarge', `The request body exceeds ${MAX_BODY_BYTES} bytes.`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text: string;
  try {
    text = await readBody(req);
  } catch {
    throw new BadRequestBody(413, `the body exceeds ${MAX_BODY_BYTES} bytes`);
  }
  try {
    return text === '' ? {} : JSON.parse(text);
  } catch {
    throw new BadRequestBody(400, 'the body is not JSON');
  }
}
