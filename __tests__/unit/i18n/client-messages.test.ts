import { CLIENT_NAMESPACES, clientMessages } from '@/lib/i18n/client-messages';
import { LOCALES } from '@/lib/i18n/locales';
import { MESSAGES } from '@/lib/i18n/messages';
import { clientModules } from '../../support/client-modules';

// The layout sends the browser only CLIENT_NAMESPACES. Each useTranslations namespace read by code the
// browser runs (support/client-modules.ts) must be sent, or it would show a message key where words belong.
/** Every module of ours that the browser runs, with the namespaces its useTranslations calls read. */
function clientNamespacesRead(): Map<string, string[]> {
  const read = new Map<string, string[]>();
  for (const [file, { text }] of clientModules()) {
    const calls = [...text.matchAll(/useTranslations\(([^)]*)\)/g)].map((m) => m[1]!.trim());
    if (calls.length > 0) read.set(file, calls);
  }
  return read;
}

const covers = (sent: string, namespace: string) => namespace === sent || namespace.startsWith(`${sent}.`);

describe('the messages sent to the browser', () => {
  const read = clientNamespacesRead();
  const namespaces = [...read.values()].flat();

  it('finds the client modules and what they read (the walk itself works)', () => {
    // A module without the directive, reached only through a client module's import.
    expect(read.get('components/ui/status-badge.tsx')).toEqual(["'status'"]);
    expect(read.get('components/job-list/jobs-table.tsx')).toEqual(["'list'", "'checks.brief'"]);
    // Server components are not walked.
    expect(read.has('components/job-list/jobs-results.tsx')).toBe(false);
    expect(read.has('app/not-found.tsx')).toBe(false);
  });

  it('include every namespace that code in the browser reads, each named as a literal', () => {
    const missing = [...read].flatMap(([file, calls]) =>
      calls.filter((call) => !/^'[\w.]+'$/.test(call) || !CLIENT_NAMESPACES.some((sent) => covers(sent, call.slice(1, -1)))).map((call) => `${file}: useTranslations(${call})`),
    );
    expect(missing).toEqual([]);
  });

  it('include nothing that code in the browser no longer reads', () => {
    const unread = CLIENT_NAMESPACES.filter((sent) => !namespaces.some((call) => covers(sent, call.slice(1, -1)) || covers(call.slice(1, -1), sent)));
    expect(unread).toEqual([]);
  });

  it.each(LOCALES)('are, in %s, the listed parts of its messages and nothing else', (locale) => {
    const messages = MESSAGES[locale] as unknown as Record<string, Record<string, unknown>>;
    const sent = clientMessages(messages);
    expect(Object.keys(sent).sort()).toEqual(['checks', 'copy', 'errors', 'export', 'filters', 'header', 'insights', 'job', 'list', 'pager', 'search', 'status', 'submit', 'time', 'tokens', 'values', 'views']);
    expect(sent.errors).toBe(messages.errors);
    expect(Object.keys(sent.job as object).sort()).toEqual(['poller', 'raw', 'streams']);
    // The insights page draws on the server; the browser says only how the scan is going.
    expect(Object.keys(sent.insights as object)).toEqual(['live']);
    // A list's badges need the checks' short words, not their explanations.
    expect(Object.keys(sent.checks as object)).toEqual(['brief']);
    expect((sent.job as Record<string, unknown>).raw).toBe(messages.job!.raw);
    // Server-only words stay on the server.
    expect(sent).not.toHaveProperty('auth');
    expect(sent.job).not.toHaveProperty('facts');
    // Picked once per language: the same object for every request.
    expect(clientMessages(messages)).toBe(sent);
  });
});
