// ICE's RPC protocol on "/": parameters from the query or a form body, injected faults first, then the
// gateway's checks (authenticate.ts for signature 1.0, authenticate-v3.ts for ACS3-HMAC-SHA256, told
// apart by the Authorization header) and the action; every failure answers in ICE's error shape.
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { actions } from './actions';
import { IceApiError, invalidParameter } from './api-error';
import { authenticate, NonceCache, type Credentials } from './authenticate';
import { authenticateV3, isV3Authorization } from './authenticate-v3';
import type { FaultKind, Faults } from './faults';
import { readBodyBytes, sendJson } from './http-io';
import type { JobStore } from './job-store';
import { PageTokenCodec } from './page-token';
import type { RequestStats } from './request-stats';

export interface RpcHandlerOptions {
  store: JobStore;
  faults: Faults;
  stats: RequestStats;
  credentials: Credentials;
  /** Names the HostId of error bodies, as ICE's gateway in that region would. */
  region: string;
  /** How long a submitted job stays in Init. */
  jobDelayMs: number;
  /** How long SubmitSyncMediaInfoJob takes to answer. */
  syncProbeMs: number;
}

const knownActions = new Set(Object.keys(actions));

export function createRpcHandler({ store, faults, stats, credentials, region, jobDelayMs, syncProbeMs }: RpcHandlerOptions) {
  const tokens = new PageTokenCodec();
  const nonces = new NonceCache();
  const hostId = `ice.${region}.aliyuncs.com`;

  const sendIceError = (res: ServerResponse, error: IceApiError, requestId: string) =>
    sendJson(
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
    stats.countOutcome(error.code);
    sendIceError(res, error, requestId);
  };

  const injectFault = (res: ServerResponse, kind: FaultKind, requestId: string): void => {
    stats.countOutcome(kind);
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

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (url.pathname !== '/') {
      return sendJson(res, 404, { RequestId: randomUUID().toUpperCase(), HostId: hostId, Code: 'InvalidURI', Message: 'ICE RPC calls go to "/".' });
    }
    const requestId = randomUUID().toUpperCase();
    stats.requests += 1;
    try {
      const method = req.method ?? 'GET';
      if (method !== 'GET' && method !== 'POST') {
        throw new IceApiError(405, 'UnsupportedHTTPMethod', 'ICE accepts GET and POST.');
      }
      // The demo key pair is public: a web page could sign a call and plant a job through a no-cors
      // request. SDKs and scripts never send Origin or a cross-site Sec-Fetch-Site; browsers always do.
      const fetchSite = headerValue(req.headers['sec-fetch-site']);
      if (req.headers.origin !== undefined || (fetchSite !== undefined && fetchSite !== 'none')) {
        throw new IceApiError(403, 'Forbidden.WebPage', 'The emulator answers scripts and SDKs, not requests from web pages.');
      }
      const body = method === 'POST' ? await readBodyBytes(req) : Buffer.alloc(0);
      const params = rpcParams(url, req.headers['content-type'], body.toString('utf8'));
      const v3 = isV3Authorization(req.headers.authorization);
      // V3 names the action in a header; V1 in the parameters.
      const named = v3 ? headerValue(req.headers['x-acs-action']) : params.Action;
      stats.countAction(named || '(none)');

      const delay = faults.latencyMs();
      if (delay > 0) await sleep(delay);
      // A client that gave up during the delay must not consume a queued fault meant for the next one.
      if (res.destroyed || req.socket.destroyed) return;
      const fault = faults.draw();
      if (fault) return injectFault(res, fault, requestId);

      const nowMs = faults.nowMs();
      const ctx = { credentials, knownActions, nowMs, nonces };
      let action: string;
      if (v3) {
        action = authenticateV3({ method, path: url.pathname, query: queryParams(url), headers: headerValues(req.headers), body }, ctx);
      } else {
        authenticate(method, params, ctx);
        action = params.Action!;
      }
      const handler = actions[action]!;
      const result = await handler(params, { store, tokens, nowMs, requestId, jobDelayMs, syncProbeMs });
      // A caller that gave up during a sync probe is gone: the job stays, as it would at ICE.
      if (res.destroyed || req.socket.destroyed) return;
      stats.countOutcome('Success');
      sendJson(res, 200, result, requestId);
    } catch (error) {
      if (error instanceof IceApiError) return iceError(res, error, requestId);
      console.error('emulator: unexpected error', error);
      iceError(res, new IceApiError(500, 'InternalError', 'The request processing has failed due to some unknown error.'), requestId);
    }
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

function headerValues(headers: IncomingHttpHeaders): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const joined = headerValue(value);
    if (joined !== undefined) values[name] = joined;
  }
  return values;
}

/** The query alone: V3's canonical query covers it, a form body is covered by the payload hash. */
function queryParams(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams);
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
