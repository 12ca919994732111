// `npx tsx scripts/cjk-font-css.ts` writes app/cjk-font.css: the portal's 'Portal CJK' family, which
// draws CJK characters and nothing else, so it can lead every font stack without touching Latin text.
//
// Why a family of its own: with @fontsource's 'Noto Sans SC' placed after system-ui (English pages),
// headless Chromium on Linux without a CJK system font drew Chinese data as boxes whenever the text was
// laid out before its slice arrived, and never repainted it. A web font that leads the stack is
// repainted when its slice loads; @fontsource's own faces cannot lead an English page, because their
// slices carry Latin too (slice 119 holds ASCII letters). So these faces are @fontsource's 400 slices
// with each unicode-range cut below U+2E80 (the first CJK block), pointing at the same files.
//
// A reader's own CJK font wins: a last face, local() only, covers the CJK blocks. The last defined of
// overlapping faces is tried first (CSS Fonts 4, "font matching"), and a local() face that is not
// installed is skipped, so only a system without one downloads slices.
//
// __tests__/unit/i18n/cjk-font-css.test.ts fails when the committed file differs from what this writes
// (an upgrade of @fontsource changed its slices): run this again then.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CJK_FONT_FROM as CJK_FROM } from '../lib/i18n/cjk-text';

export const FAMILY = 'Portal CJK';
const PACKAGE = '@fontsource/noto-sans-sc';

/** Full and PostScript names of the CJK fonts macOS, Windows and Linux desktops ship, regular weight. */
export const LOCAL_FONTS = [
  'PingFang SC Regular',
  'PingFangSC-Regular',
  'Hiragino Sans GB W3',
  'HiraginoSansGB-W3',
  'Microsoft YaHei',
  'MicrosoftYaHei',
  'Noto Sans CJK SC',
  'Noto Sans CJK SC Regular',
  'NotoSansCJKsc-Regular',
  'Source Han Sans SC',
  'Source Han Sans SC Regular',
  'SourceHanSansSC-Regular',
];
// CJK radicals to ideographs, compatibility ideographs, vertical and compatibility forms, full-width
// forms, and the supplementary ideograph planes.
export const LOCAL_RANGE = 'U+2E80-9FFF, U+F900-FAFF, U+FE10-FE1F, U+FE30-FE4F, U+FF00-FFEF, U+20000-3FFFF';

type Range = [number, number];

function parseRange(part: string): Range {
  const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-') as [string, string?];
  return [parseInt(from.replace(/\?/g, '0'), 16), parseInt(to.replace(/\?/g, 'f'), 16)];
}

const hex = (n: number) => n.toString(16).toUpperCase();

/** A unicode-range with everything below U+2E80 cut away; empty when nothing is left. */
export function cjkPart(unicodeRange: string): string {
  return unicodeRange
    .split(',')
    .map(parseRange)
    .filter(([, to]) => to >= CJK_FROM)
    .map(([from, to]): string => {
      const start = Math.max(from, CJK_FROM);
      return start === to ? `U+${hex(start)}` : `U+${hex(start)}-${hex(to)}`;
    })
    .join(',');
}

/** The stylesheet for @fontsource's unicode.json (slice name -> unicode-range). */
export function cjkFontCss(slices: Record<string, string>, fileDir: string): string {
  const faces = Object.entries(slices).flatMap(([name, range]) => {
    // The numbered slices are the CJK ones; latin, latin-ext, cyrillic and vietnamese are not.
    const slice = /^\[(\d+)\]$/.exec(name)?.[1];
    const cjk = slice === undefined ? '' : cjkPart(range);
    if (!cjk) return [];
    const file = `${fileDir}/noto-sans-sc-${slice}-400-normal.woff2`;
    return [face(`url(${file}) format('woff2')`, cjk)];
  });
  const local = face(LOCAL_FONTS.map((name) => `local('${name}')`).join(', '), LOCAL_RANGE);
  return `/* Written by scripts/cjk-font-css.ts from ${PACKAGE}/unicode.json; do not edit. */\n${[...faces, local].join('\n')}\n`;
}

function face(src: string, range: string): string {
  return `@font-face {\n  font-family: '${FAMILY}';\n  font-style: normal;\n  font-display: swap;\n  font-weight: 400;\n  src: ${src};\n  unicode-range: ${range};\n}`;
}

export const ROOT = path.resolve(__dirname, '..');
export const OUTPUT = path.join(ROOT, 'app/cjk-font.css');

export function currentCss(): string {
  const slices = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', PACKAGE, 'unicode.json'), 'utf8')) as Record<string, string>;
  return cjkFontCss(slices, `../node_modules/${PACKAGE}/files`);
}

if (require.main === module) {
  writeFileSync(OUTPUT, currentCss());
  console.log(`wrote ${path.relative(ROOT, OUTPUT)}`);
}
