import 'server-only';
import { invalidInput } from '@/lib/errors';

// A request's JSON body, small and parsed, or a 400 naming `body`: the portal's own write routes take
// a few fields, never a document.

const MAX_BODY_BYTES = 16_384;

export async function readJsonBody(request: Request): Promise<unknown> {
  if (!request.headers.get('content-type')?.toLowerCase().startsWith('application/json')) {
    throw invalidInput('body', 'must be JSON, sent as Content-Type: application/json', { reason: 'characters' });
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw invalidInput('body', `must be at most ${MAX_BODY_BYTES} bytes`, { reason: 'too_long', max: MAX_BODY_BYTES });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidInput('body', 'is not valid JSON', { reason: 'characters' });
  }
}
