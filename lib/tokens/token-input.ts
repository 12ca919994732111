// A token as a person asks for it: a name, days until it expires, a scope. One schema for the API's body
// and the tests; the browser's form uses token-limits.ts, which has the limits without zod.
import { z } from 'zod';
import { MAX_TOKEN_NAME, TOKEN_SCOPES } from './token-limits';

export function createTokenSchema(maxDays: number) {
  return z.strictObject(
    {
      Name: z
        .string({ error: 'must be text' })
        .trim()
        .min(1, { error: 'must not be empty' })
        .max(MAX_TOKEN_NAME, { error: `must be at most ${MAX_TOKEN_NAME} characters` }),
      ExpiresInDays: z.custom<number>((value) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= maxDays, {
        error: `must be a whole number from 1 to ${maxDays}`,
        params: { reason: 'whole_number', min: 1, max: maxDays },
      }),
      Scope: z.enum(TOKEN_SCOPES, { error: `must be one of ${TOKEN_SCOPES.join(', ')}` }).default('read'),
    },
    { error: 'must be a JSON object with Name, ExpiresInDays and Scope' },
  );
}

export type CreateToken = z.output<ReturnType<typeof createTokenSchema>>;
