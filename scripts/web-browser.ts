import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium (installed by `.ci/run` with `apt-get install -y chromium`); CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a headless run in a container: no sandbox, no GPU, no network calls of its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Starts the system chromium through playwright-core (which ships no browser of its own).
 * @example
 * const browser = await launchChromium();
 * try { await (await browser.newPage()).goto(url); } finally { await browser.close(); }
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
