// Which text needs the portal's CJK web font. 'Portal CJK' (app/cjk-font.css) leads every font stack
// and draws characters from U+2E80 on, nothing below. Chromium still checks each of its 90
// unicode-range faces for every character it lays out, Latin included: a third of the time the list
// takes to lay out 100 rows. Text with no character from U+2E80 on is drawn the same without the
// family, so such text may skip it. Safe to import anywhere (the browser included).

/** The first code point 'Portal CJK' draws: the CJK radicals, ahead of every CJK block. */
export const CJK_FONT_FROM = 0x2e80;

// UTF-16 code units: a character beyond U+FFFF (a rare ideograph, an emoji) is a surrogate pair,
// whose units are within this range too.
const DRAWN_BY_CJK_FONT = new RegExp(`[\\u${CJK_FONT_FROM.toString(16)}-\\uffff]`);

/** Whether any string in `value` (a string, or strings within arrays and objects) has a character the CJK font draws. */
export function needsCjkFont(value: unknown): boolean {
  if (typeof value === 'string') return DRAWN_BY_CJK_FONT.test(value);
  if (Array.isArray(value)) return value.some(needsCjkFont);
  if (value && typeof value === 'object') return Object.values(value).some(needsCjkFont);
  return false;
}

/**
 * `className`, with `latin` added when `text` holds no character the CJK font draws: globals.css then
 * lays the element out without that font. For elements that show data (a name, a media line) inside
 * a row whose other words may be Chinese.
 */
export function withLatin(text: string, className?: string): string | undefined {
  if (needsCjkFont(text)) return className;
  return className ? `${className} latin` : 'latin';
}
