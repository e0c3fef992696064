/**
 * Messages the core sends as data (a code and parameters: flags, import refusals and notes) worded in
 * the UI's active language. The sentences live in shared/messages.ts so the CLI words them the same.
 */
import i18n from 'i18next';
import { wordMessage, type Lang, type Message } from '../../shared/messages';

export function activeLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'vi';
}

/** The message in the active language; `fallback` (the core's Vietnamese) where no code came with it. */
export function wordIn(text: Message | null | undefined, fallback: string, lang: Lang = activeLang()): string {
  return text ? wordMessage(text, lang) : fallback;
}
