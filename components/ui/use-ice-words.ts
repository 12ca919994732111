import { useTranslations } from 'next-intl';

// Words ICE sends as values (a trigger source, an audio channel layout), read in the page's language.
// Where they are shown, the raw value goes on hover; a value this list does not know is shown as ICE
// sent it. No 'use client': server and client components both use it.

const TRIGGERS = ['API', 'WorkFlow', 'Console'] as const;
/** ffprobe's layout names that are words; the others are numbers ("5.1") that read the same. */
const LAYOUT_WORDS = ['mono', 'stereo', 'quad', 'hexagonal', 'octagonal', 'downmix'] as const;
const POSITIONS = { side: 'side', back: 'back', front: 'front', wide: 'wide', 'wide-side': 'wideSide' } as const;

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);

export interface IceWords {
  /** "WorkFlow" as "Workflow" / "工作流". */
  trigger: (value: string) => string;
  /** "5.1(side)" as "5.1（侧置）", "stereo" as "立体声". */
  channelLayout: (value: string) => string;
}

export function useIceWords(): IceWords {
  const t = useTranslations('values');
  return {
    trigger: (value) => (isOneOf(TRIGGERS, value) ? t(`triggers.${value}`) : value),
    channelLayout: (value) => {
      const [, layout = '', position] = /^([\w.]+)(?:\(([\w-]+)\))?$/.exec(value.trim()) ?? [];
      if (!layout) return value;
      const base = isOneOf(LAYOUT_WORDS, layout) ? t(`channelLayouts.${layout}`) : layout;
      if (position === undefined) return base;
      if (!(position in POSITIONS)) return value;
      return t('channelLayout', { layout: base, position: t(`channelPositions.${POSITIONS[position as keyof typeof POSITIONS]}`) });
    },
  };
}
