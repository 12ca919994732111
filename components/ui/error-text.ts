import type { useTranslations } from 'next-intl';

// One place that turns an error's stable code and parameters into words in the reader's language, for
// server pages (a PortalError) and the browser (an ApiError from /api) alike. The API's own English
// message is the fallback only for a code this portal does not know.

type ErrorsTranslator = ReturnType<typeof useTranslations<'errors'>>;

export interface ErrorFacts {
  code?: string;
  status?: number;
  params?: Record<string, string | number>;
  /** The parameter at fault (a PortalError's field). */
  field?: string;
  /** For a download that ended badly: how many jobs arrived before it did. */
  jobsBefore?: number;
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

type ReasonKey = Parameters<ErrorsTranslator['has']>[0] & `reasons.${string}`;

/**
 * Why a value was refused, in the reader's language, from its stable reason (lib/errors.ts InputReason);
 * the API's English words only for a reason this page does not know. For a message beside the field.
 */
export function reasonText(t: ErrorsTranslator, error: ErrorFacts, englishFallback?: string): string {
  const params = error.params ?? {};
  const key = `reasons.${text(params.reason)}` as ReasonKey;
  if (params.reason && t.has(key)) return t(key as Parameters<ErrorsTranslator>[0], params as Record<string, string | number>);
  return text(params.why) || text(englishFallback);
}

export function errorText(t: ErrorsTranslator, error: ErrorFacts, englishFallback?: string): string {
  const params = error.params ?? {};
  const code = error.code;
  let message: string;
  if (code === 'export_incomplete') return t('exportBrokeOff', { jobs: error.jobsBefore ?? 0 });
  if (code === 'invalid_input') message = t('messages.invalid_input', { field: error.field ?? text(params.field), why: reasonText(t, error, englishFallback) });
  else if (code === 'rate_limited') message = t('messages.rate_limited', { waitSeconds: Number(params.waitSeconds ?? 1) });
  else if (code === 'method_not_allowed') message = t('messages.method_not_allowed', { allow: text(params.allow) });
  else if (code === 'too_many_exports') message = t('messages.too_many_exports', { scope: text(params.scope), limit: Number(params.limit ?? 1) });
  else if (code === 'export_idle') message = t('messages.export_idle', { seconds: Number(params.seconds ?? 60) });
  else if (code === 'too_many_views') message = t('messages.too_many_views', { max: Number(params.max ?? 50) });
  // The rest take their values from the error's params by name (max, reason, where...).
  else if (code && t.has(`messages.${code}` as Parameters<ErrorsTranslator['has']>[0])) message = t(`messages.${code}` as Parameters<ErrorsTranslator>[0], params);
  else if (error.status) message = t('status', { status: error.status });
  else message = t('network');
  return error.jobsBefore === undefined ? message : `${message} ${t('exportStopped', { jobs: error.jobsBefore })}`;
}
