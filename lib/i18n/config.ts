import { z } from 'zod';
import { ConfigError } from '@/lib/errors';
import { FALLBACK_LOCALE, LOCALES, type Locale } from './locales';

// DEFAULT_LOCALE: the language of a reader who has not chosen one and whose browser asks for neither.
// Checked at start with the rest of the configuration; proxy.ts reads it too, so no 'server-only'.

const envSchema = z.object({
  DEFAULT_LOCALE: z.preprocess((v) => (v === '' ? undefined : v), z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')}` }).default(FALLBACK_LOCALE)),
});

export function parseDefaultLocale(env: Record<string, string | undefined>): Locale {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  return parsed.data.DEFAULT_LOCALE;
}

let cached: Locale | undefined;

export function getDefaultLocale(): Locale {
  cached ??= parseDefaultLocale(process.env);
  return cached;
}

/** For requests served before the start-up check could refuse (there is none on Vercel): never throws. */
export function defaultLocaleOrFallback(): Locale {
  try {
    return getDefaultLocale();
  } catch {
    return FALLBACK_LOCALE;
  }
}
