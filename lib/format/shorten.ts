// Long names and object paths shortened in the middle, where the part that tells files apart usually
// is at both ends ("ep-12_final_…_v3.mov"). Counted in characters, not UTF-16 units, so an emoji or a
// rare CJK character is never cut in half.

export function shortenMiddle(text: string, max: number): string {
  const characters = Array.from(text);
  if (characters.length <= max) return text;
  const kept = Math.max(2, max - 1);
  const head = Math.ceil(kept * 0.55);
  return `${characters.slice(0, head).join('')}…${characters.slice(characters.length - (kept - head)).join('')}`;
}
