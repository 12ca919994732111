import 'server-only';
import type RPCClient from '@alicloud/pop-core';
import http from 'node:http';
import https from 'node:https';
import { gunzipSync, inflateSync } from 'node:zlib';
import JSONbig from 'json-bigint';
import { unreadableAnswer } from './map-failure';
import { toPlainJson } from './plain-json';

// One signed call to ICE: pop-core signs it, this module sends it and reads the answer.
//
// pop-core would also send the request, but it then reads every answer with json-bigint, a JSON
// parser written in JavaScript that costs about five times JSON.parse and hands back objects without a
// prototype (and BigNumber instances) that need a second full copy before zod sees them; under load
// that was the largest share of the portal's own CPU per request. So pop-core is asked only for the
// signed request: its HTTP layer (httpx) passes the finished request options (path with the signed
// query, headers) to `beforeRequest` just before it would send them, and that hook stops there. Cases:
// - an answer whose text holds a number token of more than 15 characters (json-bigint's own threshold)
//   is read with json-bigint as before, so long integers still arrive exact, as strings;
// - any other answer is read with JSON.parse, whose objects are plain already;
// - a gzip or deflate body (never asked for) is unpacked first;
// - a body that is not JSON, or a connection that closes before the body ends: unreadable (retried);
// - the signal (the caller's, or the deadline) ends the request and its socket at once.

export interface IceAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** pop-core's request, stopped once it is signed: host, port, path (with the signed query), headers. */
class Signed {
  constructor(readonly options: http.RequestOptions) {}
}

/** A number token of more than 15 characters, sign included: where JSON.parse and json-bigint would disagree. */
const LONG_NUMBER = /[:[,]\s*[-\d][\d.eE+-]{15}/;

export function signedCaller(rpc: RPCClient, endpoint: string) {
  const secure = endpoint.startsWith('https:');
  const agent = secure ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  const transport = secure ? https : http;

  async function sign(action: string, params: Record<string, string>): Promise<http.RequestOptions> {
    try {
      await rpc.request(action, params, {
        beforeRequest: (options: http.RequestOptions) => {
          throw new Signed(options);
        },
      });
    } catch (stop) {
      if (stop instanceof Signed) return stop.options;
      throw stop;
    }
    // Only a pop-core that no longer calls beforeRequest gets here, having sent the call itself.
    throw new Error('pop-core sent the request without handing it over: check its version');
  }

  return async function signedCall(action: string, params: Record<string, string>, signal: AbortSignal): Promise<IceAnswer> {
    const { host, port, path, method, headers } = await sign(action, params);
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = transport.request({ host, port, path, method, headers, agent, signal }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          if (!response.complete) return reject(unreadableAnswer());
          try {
            resolve({ status: response.statusCode ?? 0, text: decoded(Buffer.concat(chunks), response.headers['content-encoding']).toString('utf8') });
          } catch {
            reject(unreadableAnswer());
          }
        });
      });
      request.on('error', reject);
      request.end();
    });
    return { status: answer.status, body: readJson(answer.text) };
  };
}

/** No compression is asked for, but a proxy on the way may still send it, as httpx under pop-core allowed. */
function decoded(body: Buffer, encoding: string | undefined): Buffer {
  if (encoding === 'gzip') return gunzipSync(body);
  if (encoding === 'deflate') return inflateSync(body);
  return body;
}

function readJson(text: string): Record<string, unknown> {
  let body: unknown;
  try {
    body = LONG_NUMBER.test(text) ? toPlainJson(JSONbig.parse(text)) : JSON.parse(text);
  } catch {
    throw unreadableAnswer();
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw unreadableAnswer();
  return body as Record<string, unknown>;
}
