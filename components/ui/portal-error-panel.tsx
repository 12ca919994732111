import type { PortalError } from '@/lib/errors';
import { ErrorPanel } from './error-panel';

const TITLES: Partial<Record<PortalError['code'], string>> = {
  invalid_input: 'Check the filters',
  upstream_throttled: 'ICE is busy',
  upstream_timeout: 'ICE did not answer in time',
  portal_misconfigured: 'The portal is misconfigured',
};

/** An PortalError as a page shows it: title, safe message, RequestId, and a retry when one can help. */
export function PortalErrorPanel({ error, what }: { error: PortalError; what: string }) {
  return (
    <ErrorPanel
      title={TITLES[error.code] ?? `Could not load ${what}`}
      message={error.message}
      requestId={error.requestId}
      retryable={error.code !== 'invalid_input'}
    />
  );
}
