import { isStructurallySame, parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { createTranslator } from 'next-intl';
import { LOCALES } from '@/lib/i18n/locales';
import { MESSAGES } from '@/lib/i18n/messages';

// Both languages must say the same things: the same keys, and in each message the same placeholders
// (with the same kinds: number, select, plural) and the same rich-text tags.

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function tags(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.tag) {
      found.add(element.value);
      tags(element.children, found);
    } else if (element.type === TYPE.select || element.type === TYPE.plural) {
      for (const option of Object.values(element.options)) tags(option.value, found);
    }
  }
  return found;
}

const en = flatten(MESSAGES.en as unknown as Tree);

describe('message files', () => {
  it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the keys English has', (locale) => {
    const other = flatten(MESSAGES[locale] as unknown as Tree);
    expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s uses the same placeholders and tags in every message', (locale) => {
    const other = flatten(MESSAGES[locale] as unknown as Tree);
    const mismatches: string[] = [];
    for (const [key, english] of en) {
      const translated = other.get(key);
      if (translated === undefined) continue;
      const a = parse(english);
      const b = parse(translated);
      const same = isStructurallySame(a, b);
      if (!same.success) mismatches.push(`${key}: ${same.error?.message}`);
      const tagsA = [...tags(a)].sort().join(',');
      const tagsB = [...tags(b)].sort().join(',');
      if (tagsA !== tagsB) mismatches.push(`${key}: tags <${tagsA}> vs <${tagsB}>`);
    }
    expect(mismatches).toEqual([]);
  });

  it('finds a placeholder that a translation dropped (the check itself works)', () => {
    expect(isStructurallySame(parse('Wait {waitSeconds} s'), parse('请稍候')).success).toBe(false);
    expect(isStructurallySame(parse('{n, number} jobs'), parse('{n} 个作业')).success).toBe(false);
  });

  it.each(LOCALES)('every %s message formats without errors', (locale) => {
    const failures: string[] = [];
    const t = createTranslator({ locale, messages: MESSAGES[locale], onError: (error) => failures.push(error.message) });
    const values = { status: 'Init', label: 'x', id: 'R-1', what: 'list', zone: 'UTC', defaulted: 'true', more: 'false', page: 2, scanned: 4000, matches: 12, jobs: 3, waitSeconds: 5, kib: 1.5, shown: 100, count: 2, bytes: 1024 };
    for (const key of en.keys()) {
      // Every placeholder gets a string unless it is numeric in English; rich tags get a function.
      const rich = Object.fromEntries([...tags(parse(en.get(key)!))].map((tag) => [tag, (chunks: unknown) => chunks]));
      const needed = Object.fromEntries(
        [...en.get(key)!.matchAll(/\{\s*(\w+)/g)].map(([, name]) => [name, name! in values ? values[name as keyof typeof values] : 'x']),
      );
      (t.rich as (key: string, values: Record<string, unknown>) => unknown)(key, { ...needed, ...rich });
    }
    expect(failures).toEqual([]);
  });
});
