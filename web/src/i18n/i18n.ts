import { EN, type MessageKey, type Messages } from './messages-en.js';
import { KO } from './messages-ko.js';

export type { MessageKey, Messages } from './messages-en.js';

/** The playground's languages. */
export type Language = 'en' | 'ko';

/** Every language's message table. */
export const LANGUAGES: Readonly<Record<Language, Messages>> = { en: EN, ko: KO };

/** Values filled into a message's `{name}` slots. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * The page's language: `?lang=ko|en` in the URL wins (the switch writes it), otherwise Korean
 * when the browser's language is Korean, otherwise English.
 * @example
 * chooseLanguage('?lang=en', 'ko-KR'); // 'en'
 * chooseLanguage('', 'ko-KR'); // 'ko'
 * chooseLanguage('', 'de-DE'); // 'en'
 */
export function chooseLanguage(search: string, browserLanguage: string): Language {
  const asked = new URLSearchParams(search).get('lang');
  if (asked === 'ko' || asked === 'en') return asked;
  return browserLanguage.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/**
 * A message in `messages` with its `{name}` slots filled.
 * @example
 * format(EN, 'train.model', { model: '784-50-10' }); // 'Model: 784-50-10'
 */
export function format(messages: Messages, key: MessageKey, params: MessageParams = {}): string {
  return messages[key].replace(/\{(\w+)\}/g, (slot, name: string) =>
    name in params ? String(params[name]) : slot,
  );
}

/** This page's language (fixed for the page's life: the switch reloads with `?lang=`). */
export const LANG: Language = chooseLanguage(
  globalThis.location?.search ?? '',
  globalThis.navigator?.language ?? 'en',
);

/**
 * A message in the page's language.
 * @example
 * t('tab.graph'); // 'Computational graph' (English) or '계산 그래프' (Korean)
 */
export function t(key: MessageKey, params?: MessageParams): string {
  return format(LANGUAGES[LANG], key, params);
}

/** True when `key` names a message (for keys read from markup). */
function isKey(key: string): key is MessageKey {
  return key in EN;
}

/**
 * Puts the page's language into the markup under `root`: `data-i18n` sets the text,
 * `data-i18n-label`, `-title` and `-placeholder` set aria-label, title and placeholder.
 * An unknown key in the markup throws (a bug in the page, not a blank).
 */
export function applyMessages(root: ParentNode): void {
  const lookup = (key: string): string => {
    if (!isKey(key)) throw new Error(`playground: unknown message key '${key}' in the markup`);
    return t(key);
  };
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]'))
    el.textContent = lookup(el.dataset.i18n!);
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-label]'))
    el.setAttribute('aria-label', lookup(el.dataset.i18nLabel!));
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-title]'))
    el.title = lookup(el.dataset.i18nTitle!);
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-placeholder]'))
    el.setAttribute('placeholder', lookup(el.dataset.i18nPlaceholder!));
}
