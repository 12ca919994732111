import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cjkFontCss, cjkPart, currentCss, OUTPUT, ROOT } from '@/scripts/cjk-font-css';

// 'Portal CJK' may lead the English font stack only because it never claims a Latin character.

it('keeps only the CJK part of a unicode-range', () => {
  expect(cjkPart('U+20-22,U+41-4d,U+3001-3002,U+4e00')).toBe('U+3001-3002,U+4E00');
  expect(cjkPart('U+??,U+2000-206F')).toBe('');
  expect(cjkPart('U+2E00-2E90,U+1F300-1F3??')).toBe('U+2E80-2E90,U+1F300-1F3FF');
});

it('writes one face per numbered slice, none for the Latin ones, and the reader’s own fonts last', () => {
  const css = cjkFontCss({ '[119]': 'U+41-4d,U+4e00', '[7]': 'U+20-7e', latin: 'U+??,U+FFFD', '[3]': 'U+9fa0-9fa5' }, 'files');
  const faces = [...css.matchAll(/@font-face \{([^}]*)\}/g)].map(([, body]) => body!);
  expect(faces).toHaveLength(3);
  expect(faces[0]).toContain('url(files/noto-sans-sc-119-400-normal.woff2)');
  expect(faces[0]).toContain('unicode-range: U+4E00;');
  expect(faces[1]).toContain('url(files/noto-sans-sc-3-400-normal.woff2)');
  // Last defined is tried first: a CJK font the system has beats a download.
  expect(faces[2]).toMatch(/src: local\('PingFang SC Regular'\),.*local\('Microsoft YaHei'\)/);
  expect(faces[2]).not.toContain('url(');
  expect(css).not.toContain('latin');
});

it('is the committed app/cjk-font.css, and points at files @fontsource ships (run scripts/cjk-font-css.ts after an upgrade)', () => {
  const css = currentCss();
  expect(readFileSync(OUTPUT, 'utf8')).toBe(css);
  const files = [...css.matchAll(/url\(([^)]+)\)/g)].map(([, file]) => path.resolve(path.dirname(OUTPUT), file!));
  expect(files.length).toBeGreaterThan(80);
  expect(files.filter((file) => !existsSync(file))).toEqual([]);
  expect(files.every((file) => file.startsWith(path.join(ROOT, 'node_modules')))).toBe(true);
  // No face claims a character below U+2E80: Latin stays with the system font.
  for (const [, range] of css.matchAll(/unicode-range: ([^;]+);/g)) {
    for (const part of range!.split(',')) expect(parseInt(part.trim().slice(2).split('-')[0]!, 16)).toBeGreaterThanOrEqual(0x2e80);
  }
});
