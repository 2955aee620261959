/**
 * The experiments gallery in Debian's chromium: Korean or English by the browser's language,
 * `?lang=` wins, and the switch link sets it. Run by `npm run test:web`. Screenshots go to
 * test-results/web/.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_PATH as CHROMIUM, launchChromium } from '../../scripts/web-browser.js';
import { gradientFieldExperiment } from '../../src/experiments/gradient-field.js';
import { numericalDiffExperiment } from '../../src/experiments/numerical-diff.js';
import {
  GALLERY_TEXT,
  writeExperimentRun,
  writeGallery,
} from '../../src/platform/node/experiments-gallery.js';
import { DESKTOP, PHONE, SHOTS } from './browser-page.js';

const root = mkdtempSync(join(tmpdir(), 'gradlab-gallery-'));
let browser: Browser;
let url: string;
const errors: string[] = [];

async function open(query: string, locale: string, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ locale, viewport });
  const p = await context.newPage();
  p.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  p.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await p.goto(`${url}${query}`);
  return p;
}

const heading = (p: Page): Promise<string> => p.locator('h1').innerText();

describe(
  'experiments gallery in chromium',
  { skip: !existsSync(CHROMIUM) && `no browser at ${CHROMIUM}` },
  () => {
    before(async () => {
      const records = [];
      for (const e of [numericalDiffExperiment, gradientFieldExperiment]) {
        const result = e.run({ size: 'tiny', seed: 0 });
        const info = { size: 'tiny', seed: 0, runtimeSeconds: 0.1, backend: 'js' } as const;
        records.push(await writeExperimentRun(join(root, e.name), e, result, info));
      }
      url = pathToFileURL(await writeGallery(root, records)).href;
      mkdirSync(SHOTS, { recursive: true });
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      rmSync(root, { recursive: true, force: true });
    });

    test('a Korean browser gets the Korean gallery, quoting each note in Korean; others get English', async () => {
      const ko = await open('', 'ko-KR');
      assert.equal(await heading(ko), GALLERY_TEXT.ko.title);
      assert.equal(await ko.title(), GALLERY_TEXT.ko.title);
      assert.match(
        await ko.locator('.meta').first().innerText(),
        /^책 .* · 시드 0 · js에서 0\.1초/,
      );
      assert.match(await ko.locator('#numerical-diff .note').innerText(), /중심차분/);
      assert.equal(await ko.locator('.t-en:visible').count(), 0);
      await ko.screenshot({ path: join(SHOTS, 'gallery-ko-desktop.png') });
      await ko.context().close();
      const en = await open('', 'en-US');
      assert.equal(await heading(en), GALLERY_TEXT.en.title);
      assert.equal(await en.locator('.t-ko:visible').count(), 0);
      await en.context().close();
    });

    test('?lang= wins over the browser language, and the switch link sets it', async () => {
      const p = await open('?lang=en', 'ko-KR');
      assert.equal(await heading(p), GALLERY_TEXT.en.title);
      await p.click(`nav.lang a:visible`);
      await p.waitForURL(/\?lang=ko$/);
      assert.equal(await heading(p), GALLERY_TEXT.ko.title);
      await p.context().close();
      const phone = await open('?lang=ko', 'en-US', PHONE);
      assert.equal(await heading(phone), GALLERY_TEXT.ko.title);
      await phone.screenshot({ path: join(SHOTS, 'gallery-ko-phone.png') });
      await phone.context().close();
    });

    test('every text of the page exists in both languages, none empty, and no console errors', async () => {
      const p = await open('', 'en-US');
      const pairs = await p.evaluate(() =>
        [...document.querySelectorAll('.t-en')].map((el) => [
          el.textContent ?? '',
          el.nextElementSibling?.classList.contains('t-ko') === true
            ? (el.nextElementSibling.textContent ?? '')
            : '',
        ]),
      );
      assert.ok(pairs.length >= 5, `${pairs.length} texts`);
      for (const [en, ko] of pairs) assert.ok(en !== '' && ko !== '', `'${en}' / '${ko}'`);
      await p.context().close();
      assert.deepEqual(errors, []);
    });
  },
);
