import { MISSING, parseMediaNumber } from './numbers';

/** "2 (stereo)", "6 (5.1(side))", "1" when ICE gives no layout. */
export function formatChannels(channels: string | null | undefined, layout: string | null | undefined): string {
  const count = parseMediaNumber(channels);
  const name = typeof layout === 'string' ? layout.trim() : '';
  if (count === undefined || count <= 0) return name || MISSING;
  return name ? `${count} (${name})` : String(count);
}
