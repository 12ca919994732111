import 'server-only';
import type { z } from 'zod';
import { invalidInput } from '@/lib/errors';
import { parseOrThrow } from '@/lib/ice/schemas';

// A request's JSON body, small and parsed, or a 400 naming `body`: the portal's own write routes take
// a few fields, never a document.

const MAX_BODY_BYTES = 16_384;

export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  if (!request.headers.get('content-type')?.toLowerCase().startsWith('application/json')) {
    throw invalidInput('body', 'must be JSON, sent as Content-Type: application/json', { reason: 'characters' });
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw invalidInput('body', `must be at most ${maxBytes} bytes`, { reason: 'too_long', max: maxBytes });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidInput('body', 'is not valid JSON', { reason: 'characters' });
  }
}

/** A body read against its schema, or a 400 naming the field at fault (an unknown field by its own name). */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const result = schema.safeParse(body);
  const unknown = result.error?.issues.find((issue) => issue.code === 'unrecognized_keys');
  if (unknown?.code === 'unrecognized_keys') throw invalidInput(unknown.keys[0] ?? 'body', `is not a field of ${what}`, { reason: 'characters' });
  // Not an object at all: the body is at fault, not one of its fields.
  if (result.error?.issues[0]?.path.length === 0) throw invalidInput('body', result.error.issues[0].message, { reason: 'characters' });
  return parseOrThrow(schema, body);
}
