import RPCClient from '@alicloud/pop-core';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { createIceClient } from '@/lib/ice/client';
import { isRetryable, mapCallFailure } from '@/lib/ice/map-failure';
import { signedCaller } from '@/lib/ice/signed-call';

// The transport under pop-core's signature, against a real HTTP server on loopback that answers what
// each test needs (the emulator's own tests prove that ICE accepts the signature).

let server: Server;
let url: string;
let answer: (req: IncomingMessage, res: ServerResponse) => void;
let seen: IncomingMessage[];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

beforeEach(() => {
  seen = [];
});

const json = (text: string, status = 200) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(text);
};

function caller() {
  const rpc = new RPCClient({ endpoint: url, apiVersion: '2020-11-09', accessKeyId: 'test-key-id', accessKeySecret: 'test-key-secret' });
  return signedCaller(rpc, url);
}

const call = (signal = new AbortController().signal) => caller()('ListMediaInfoJobs', { PageSize: '5' }, signal);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('the call succeeded but a failure was expected');
}

describe('signedCall', () => {
  it("sends pop-core's signed request: action, parameters, nonce and signature in the query, its headers", async () => {
    answer = json('{"RequestId":"r1","Jobs":[]}');
    await call();
    const query = new URL(seen[0]!.url!, url).searchParams;
    expect(Object.fromEntries(['Action', 'PageSize', 'Version', 'AccessKeyId', 'SignatureMethod'].map((name) => [name, query.get(name)]))).toEqual({
      Action: 'ListMediaInfoJobs',
      PageSize: '5',
      Version: '2020-11-09',
      AccessKeyId: 'test-key-id',
      SignatureMethod: 'HMAC-SHA1',
    });
    expect(query.get('Signature')).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    expect(query.get('SignatureNonce')).toBeTruthy();
    expect(seen[0]!.headers['x-acs-action']).toBe('ListMediaInfoJobs');
  });

  it('signs every call afresh: a retry never reuses a nonce', async () => {
    answer = json('{"RequestId":"r1"}');
    const send = caller();
    const signal = new AbortController().signal;
    await send('ListMediaInfoJobs', {}, signal);
    await send('ListMediaInfoJobs', {}, signal);
    const nonces = seen.map((req) => new URL(req.url!, url).searchParams.get('SignatureNonce'));
    expect(new Set(nonces).size).toBe(2);
  });

  it('reads an ordinary answer into plain objects, a __proto__ key staying data', async () => {
    answer = json('{"RequestId":"r1","Jobs":[{"JobId":"j1","Status":"Success"}],"__proto__":{"polluted":true}}');
    const { status, body } = await call();
    expect(status).toBe(200);
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(Object.getPrototypeOf((body.Jobs as object[])[0])).toBe(Object.prototype);
    expect(Object.hasOwn(body, '__proto__')).toBe(true);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect((body as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('keeps an integer too long for a double exact, as a string', async () => {
    answer = json('{"RequestId":"r1","Jobs":[{"JobId":"j1","Status":"Success","FileSize":12345678901234567890,"Ratio":0.5}]}');
    const { body } = await call();
    const [job] = body.Jobs as Record<string, unknown>[];
    expect(job).toEqual({ JobId: 'j1', Status: 'Success', FileSize: '12345678901234567890', Ratio: 0.5 });
    expect(Object.getPrototypeOf(job)).toBe(Object.prototype);
  });

  it('takes a negative number of 15 digits and a sign the json-bigint way too: as exact text', async () => {
    answer = json('{"RequestId":"r1","Offset":-123456789012345}');
    expect((await call()).body).toEqual({ RequestId: 'r1', Offset: '-123456789012345' });
  });

  it('unpacks a gzip answer that a proxy compressed unasked', async () => {
    answer = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync('{"RequestId":"r1","Jobs":[]}'));
    };
    expect((await call()).body).toEqual({ RequestId: 'r1', Jobs: [] });
  });

  it('hands back an error body with its status', async () => {
    answer = json('{"RequestId":"r2","Code":"Throttling.User","Message":"slow down"}', 400);
    await expect(call()).resolves.toEqual({ status: 400, body: { RequestId: 'r2', Code: 'Throttling.User', Message: 'slow down' } });
  });

  it.each([
    ['an HTML page', '<html><body>502 Bad Gateway</body></html>'],
    ['cut-off JSON', '{"RequestId":"r1","Jobs":[{"JobId"'],
    ['a JSON value that is not an object', '[1,2,3]'],
  ])('refuses %s as an unreadable answer', async (_what, text) => {
    answer = json(text, 502);
    await expect(rejection(call())).resolves.toMatchObject({ code: 'upstream_bad_response', status: 502 });
  });

  it('fails, rather than waits, when the connection closes before the body ends', async () => {
    answer = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"RequestId":"r1",');
      setTimeout(() => res.socket?.destroy(), 20);
    };
    // What the client makes of it: a failure worth a retry, never a short answer taken as whole.
    const error = mapCallFailure(await rejection(call()));
    expect(isRetryable(error)).toBe(true);
    expect(error.code).toMatch(/^upstream_(unavailable|bad_response)$/);
  });

  it('stops at once when the signal aborts, closing the connection', async () => {
    let closed = false;
    answer = (req) => req.socket.on('close', () => (closed = true));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const error = await rejection(call(controller.signal));
    expect((error as Error).name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(true);
  });
});

describe('the client over signedCall: failures as pop-core judged them', () => {
  const client = () =>
    createIceClient({ accessKeyId: 'test-key-id', accessKeySecret: 'test-key-secret', region: 'cn-shanghai', endpoint: url, timeoutMs: 3000, maxConcurrency: 4 });

  it('takes an error Code on HTTP 200 as ICE\'s error: throttling retried, then a 429', async () => {
    answer = json('{"RequestId":"r3","Code":"Throttling.User","Message":"slow down"}');
    await expect(client().listMediaInfoJobs({})).rejects.toMatchObject({ code: 'upstream_throttled', status: 429, requestId: 'r3' });
    expect(seen).toHaveLength(3);
  });

  it('takes an empty Code on HTTP 200 as success, as pop-core did', async () => {
    answer = json('{"RequestId":"r4","Code":"","Jobs":[]}');
    await expect(client().listMediaInfoJobs({})).resolves.toMatchObject({ RequestId: 'r4', Jobs: [] });
  });

  it('maps a success-looking Code on an HTTP error by the status, and a body without one as unreadable', async () => {
    answer = json('{"RequestId":"r5","Code":"OK"}', 404);
    await expect(client().getMediaInfoJob('j404')).rejects.toMatchObject({ code: 'job_not_found', status: 404 });
    answer = json('{"RequestId":"r6"}', 500);
    await expect(client().getMediaInfoJob('j500')).rejects.toMatchObject({ code: 'upstream_bad_response', requestId: 'r6' });
  });
});
