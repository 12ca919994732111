'use client';

import { ErrorPanel } from './error-panel';

// Only unexpected failures reach an error boundary: ICE's own errors are shown in place by the pages,
// with their RequestId. Production hides a server error's message, so the digest is what operators match.
export function RouteError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = (error as { digest?: string } | null)?.digest;
  return (
    <ErrorPanel
      title="Something went wrong"
      message="The portal could not show this page. Try again; if it keeps failing, tell the operators."
      requestId={digest}
      onRetry={retry}
    />
  );
}
