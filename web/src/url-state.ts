/**
 * A tab's settings in the page URL (`?gd-lr=0.1&gd-f=saddle#descent`), so a link reproduces the
 * view. Each tab prefixes its names; `lang` and `chart-delay` belong to the page.
 */

// The URL the page was opened with: a tab reads its shared settings from here, so the defaults
// it writes while it sets itself up cannot overwrite them first.
const OPENED_WITH = new URLSearchParams(globalThis.location?.search ?? '');

/** The URL parameter `name` as the page was opened, or null. */
export function readParam(name: string): string | null {
  return OPENED_WITH.get(name);
}

/** A numeric URL parameter, or `fallback` when absent or not a finite number. */
export function readNumber(name: string, fallback: number): number {
  const raw = readParam(name);
  const value = raw === null || raw.trim() === '' ? NaN : Number(raw);
  return Number.isFinite(value) ? value : fallback;
}

/**
 * Writes the settings into the URL without a reload or a history entry (a slider drag would
 * otherwise fill the back button).
 */
export function writeParams(values: Readonly<Record<string, string | number | boolean>>): void {
  const url = new URL(location.href);
  for (const [name, value] of Object.entries(values)) url.searchParams.set(name, String(value));
  if (url.href !== location.href) history.replaceState(null, '', url);
}
