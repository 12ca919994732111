// Reads GET /api/insights as NDJSON in the browser: the figures so far while the scan runs, then the
// whole. A stream that ends with an {"error": ...} line, or before its whole figures, is a failure.
import type { Insights, InsightsLine } from '@/lib/insights/figures';
import { apiErrorOf } from './fetch-json';

export interface ReadInsightsOptions {
  signal?: AbortSignal;
  /** Scan again rather than take figures kept from a moment ago (the refresh button). */
  fresh?: boolean;
  /** The figures so far, after every line. */
  onFigures?: (partial: Insights) => void;
}

export async function readInsightsStream(url: string, { signal, fresh, onFigures }: ReadInsightsOptions = {}): Promise<Insights> {
  const response = await fetch(url, { signal, headers: { accept: 'application/x-ndjson', ...(fresh ? { 'cache-control': 'no-cache' } : {}) } });
  if (!response.ok || !response.body) throw apiErrorOf(response.status, await response.json().catch(() => undefined));
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    buffered += read.value;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const text of lines) {
      if (!text.trim()) continue;
      const line = JSON.parse(text) as InsightsLine;
      if ('error' in line) throw apiErrorOf(502, line);
      onFigures?.(line);
      if (!line.Partial) return line;
    }
  }
  throw apiErrorOf(502, { error: { code: 'insights_incomplete', message: 'The figures broke off before the scan ended; try again.' } });
}
