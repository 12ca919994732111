'use client';

import { useTranslations } from 'next-intl';
import { ApiError } from '@/lib/api-client/fetch-json';
import { errorText } from './error-text';

/** What went wrong with a call from the browser, in the reader's language. */
export function useErrorText(): (error: unknown) => string {
  const t = useTranslations('errors');
  return (error) => (error instanceof ApiError ? errorText(t, error, error.message) : errorText(t, {}));
}
