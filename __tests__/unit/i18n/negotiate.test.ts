import { parseDefaultLocale } from '@/lib/i18n/config';
import { chooseLocale, MAX_ACCEPT_LANGUAGE_CHARS } from '@/lib/i18n/negotiate';
import { ConfigError } from '@/lib/errors';

describe('chooseLocale', () => {
  const pick = (cookie: string | undefined, acceptLanguage: string | undefined, fallback: 'en' | 'zh-CN' = 'en') => chooseLocale({ cookie, acceptLanguage, fallback });

  it('puts the reader’s own choice first', () => {
    expect(pick('zh-CN', 'en-US,en;q=0.9')).toBe('zh-CN');
    expect(pick('en', 'zh-CN', 'zh-CN')).toBe('en');
  });

  it.each([
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans-SG', 'zh-CN'],
    ['en-GB,en;q=0.9', 'en'],
    ['fr-FR,zh;q=0.5', 'zh-CN'],
    ['en;q=0.2,zh-CN;q=0.9', 'zh-CN'],
    ['de-DE', 'en'],
  ])('matches Accept-Language %j to %s', (header, locale) => expect(pick(undefined, header)).toBe(locale));

  it('falls back to DEFAULT_LOCALE when nothing matches or nothing is asked', () => {
    expect(pick(undefined, undefined, 'zh-CN')).toBe('zh-CN');
    expect(pick(undefined, 'de-DE', 'zh-CN')).toBe('zh-CN');
    expect(pick('xx', undefined, 'zh-CN')).toBe('zh-CN');
  });

  it(`reads only the first ${MAX_ACCEPT_LANGUAGE_CHARS} characters of the header`, () => {
    // 7,900 one-letter tags (16 KB) took a page from 7 to 63 ms; a language named after them is not read.
    const flood = Array.from({ length: 7900 }, (_, i) => String.fromCharCode(97 + (i % 26))).join(',');
    expect(pick(undefined, `${flood},zh-CN`)).toBe('en');
    expect(pick(undefined, `zh-CN,${flood}`)).toBe('zh-CN');
  });

  it('survives junk from a browser or an attacker', () => {
    for (const junk of ['*', 'en_US', ';;;', 'x'.repeat(5000), 'zh-CN;q=abc', '\u0000']) expect(['en', 'zh-CN']).toContain(pick(junk, junk));
  });
});

describe('DEFAULT_LOCALE', () => {
  it('defaults to English and accepts both languages', () => {
    expect(parseDefaultLocale({})).toBe('en');
    expect(parseDefaultLocale({ DEFAULT_LOCALE: '' })).toBe('en');
    expect(parseDefaultLocale({ DEFAULT_LOCALE: 'zh-CN' })).toBe('zh-CN');
  });

  it('refuses anything else, naming the variable and the choices', () => {
    expect(() => parseDefaultLocale({ DEFAULT_LOCALE: 'zh' })).toThrow(ConfigError);
    expect(() => parseDefaultLocale({ DEFAULT_LOCALE: 'fr' })).toThrow(/DEFAULT_LOCALE must be one of en, zh-CN/);
  });
});
