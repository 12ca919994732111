import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';
import type { Locale } from './locales';

export type Messages = typeof en;

/**
 * Both languages' messages. English is the reference shape: the type makes a key missing from the Chinese
 * file a compile error, and __tests__/unit/i18n-messages.test.ts also checks the other direction and
 * every placeholder.
 */
export const MESSAGES: Record<Locale, Messages> = { en, 'zh-CN': zhCN };
