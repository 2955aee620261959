import type { Browser, Page } from 'playwright-core';
import { EN } from '../../web/src/i18n/messages-en.js';
import { KO } from '../../web/src/i18n/messages-ko.js';

/** Screenshots of the browser tests go here (one desktop and one phone shot per tab). */
export const SHOTS = 'test-results/web';
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** A page that records console errors, warnings and uncaught exceptions into `errors`. */
export async function openPage(
  browser: Browser,
  url: string,
  errors: string[],
  viewport = DESKTOP,
): Promise<Page> {
  const p = await browser.newPage({ viewport });
  p.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  p.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await p.goto(url);
  return p;
}

/** Shows a tab by a click and waits until its panel is mounted. */
export async function showTab(p: Page, name: string): Promise<void> {
  await p.click(`#tab-${name}`);
  await p.waitForSelector(`#panel-${name}[data-ready=true]`);
}

/** Waits until the chart in element `id` has rendered and no render is queued. */
export async function chartReady(p: Page, id: string): Promise<void> {
  await p.waitForSelector(`#${id}:not([data-busy]) svg`);
}

/** The data-* attributes of element `id`. */
export async function dataset(p: Page, id: string): Promise<Record<string, string>> {
  return p.evaluate(
    (el) => ({ ...document.getElementById(el)!.dataset }) as Record<string, string>,
    id,
  );
}

/** How many CSS pixels the page is wider than its viewport (0 or less: it fits). */
export function overflowX(p: Page): Promise<number> {
  return p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** English text that must not appear on a Korean page: the fixed parts of each message. */
const ENGLISH_ONLY = Object.entries(EN)
  .filter(([key]) => KO[key as keyof typeof KO] !== EN[key as keyof typeof EN])
  .flatMap(([, text]) => text.split(/\{\w+\}/))
  .map((part) => part.trim())
  .filter((part) => part.length >= 8 && /[a-z]{3}/i.test(part));

/** Problems with the visible text of page `p`: message keys shown raw, or English in Korean. */
export async function untranslated(p: Page, lang: 'en' | 'ko'): Promise<string[]> {
  const text = await p.evaluate(() => document.body.innerText);
  const keys = Object.keys(EN).filter((key) => text.includes(key));
  const english = lang === 'ko' ? ENGLISH_ONLY.filter((part) => text.includes(part)) : [];
  return [...keys.map((k) => `key ${k}`), ...english.map((e) => `English "${e}"`)];
}
