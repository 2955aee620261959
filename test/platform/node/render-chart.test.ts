import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { PNG } from 'pngjs';
import * as vegaModules from 'vega';
import { compile } from 'vega-lite';
import {
  findChartFonts,
  OfflineLoadError,
  renderSvg,
  svgToPng,
  writeChart,
} from '../../../src/platform/node/render-chart.js';
import { accuracyChart } from '../../../src/plot/accuracy-chart.js';
import { lossChart } from '../../../src/plot/loss-chart.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const spec = accuracyChart([0, 1, 2, 3], [0.1, 0.6, 0.8, 0.9], [0.1, 0.58, 0.77, 0.86], {
  title: 'Accuracy of the two-layer net',
});

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

test('renderSvg gives an SVG document with the title, axis titles and legend labels', async () => {
  const svg = await renderSvg(spec);
  assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, /<\/svg>$/);
  for (const text of [
    'Accuracy of the two-layer net',
    'epochs',
    'accuracy',
    'train acc',
    'test acc',
  ]) {
    assert.ok(svg.includes(`>${text}</text>`), `missing text '${text}'`);
  }
});

test('svgToPng writes a PNG of the requested width, with the SVG’s aspect ratio', async () => {
  const svg = await renderSvg(spec);
  const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
  const png = svgToPng(svg, { width: 300 });
  assert.deepEqual([...png.subarray(0, 8)], PNG_SIGNATURE);
  const size = pngSize(png);
  assert.equal(size.width, 300);
  assert.ok(Math.abs(size.height - (300 * h!) / w!) <= 1, `height ${size.height}`);
  assert.deepEqual(pngSize(svgToPng(svg)), { width: 2 * w!, height: 2 * h! }, 'default zoom is 2');
});

test('text is drawn in the PNG (a font was found and loaded)', () => {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40">' +
    '<rect width="200" height="40" fill="white"/>' +
    '<text x="8" y="30" font-family="DejaVu Sans, sans-serif" font-size="24">Accuracy</text></svg>';
  const image = PNG.sync.read(Buffer.from(svgToPng(svg, { scale: 1 })));
  let dark = 0;
  for (let i = 0; i < image.data.length; i += 4) if (image.data[i]! < 128) dark++;
  // 'Accuracy' at 24 px covers several hundred pixels; no font would leave the image white.
  assert.ok(
    dark > 200,
    `${dark} dark pixels: is a font installed (${findChartFonts().join(', ') || 'none found'})?`,
  );
});

test('rendering is offline: a spec that names a URL or a file is refused, not fetched', async () => {
  for (const url of ['http://127.0.0.1:9/data.json', 'data/local.csv']) {
    await assert.rejects(
      renderSvg({
        data: { url },
        mark: 'point',
        encoding: { x: { field: 'a', type: 'quantitative' } },
      }),
      (error: unknown) => error instanceof OfflineLoadError && error.message.includes(url),
    );
  }
});

test('writeChart writes <base>.svg and <base>.png, creating the folder and leaving no temp file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradlab-chart-'));
  try {
    const base = join(dir, 'figures', 'accuracy');
    const paths = await writeChart(spec, base, { width: 240 });
    assert.deepEqual(paths, { svg: `${base}.svg`, png: `${base}.png` });
    assert.ok(readFileSync(paths.svg, 'utf8').startsWith('<svg'));
    const png = new Uint8Array(readFileSync(paths.png));
    assert.deepEqual([...png.subarray(0, 8)], PNG_SIGNATURE);
    assert.equal(pngSize(png).width, 240);
    assert.deepEqual(readdirSync(join(dir, 'figures')).sort(), ['accuracy.png', 'accuracy.svg']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('findChartFonts lists only files that exist', () => {
  for (const file of findChartFonts()) assert.ok(existsSync(file), file);
});

test("renderSvg (Vega's one-file build) draws byte for byte what Vega's ES modules draw", async () => {
  const iterations = Array.from({ length: 500 }, (_, i) => i + 1);
  const loss = iterations.map((i) => 2.3 * Math.exp(-i / 80) + 0.1);
  for (const chart of [spec, lossChart(iterations, loss)]) {
    const view = new vegaModules.View(vegaModules.parse(compile(chart).spec), { renderer: 'none' });
    const expected = await view.toSVG();
    view.finalize();
    assert.equal(await renderSvg(chart), expected);
  }
});
