import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { gradientFieldExperiment } from '../../../src/experiments/gradient-field.js';
import {
  galleryHtml,
  readExperimentRecords,
  writeExperimentRun,
  writeGallery,
  type ExperimentRecord,
} from '../../../src/platform/node/experiments-gallery.js';

const root = mkdtempSync(join(tmpdir(), 'gradlab-gallery-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('an experiment run writes each figure as SVG and PNG and a summary.json with its claim and numbers', async () => {
  const result = gradientFieldExperiment.run({ size: 'tiny', seed: 0 });
  const dir = join(root, 'gradient-field');
  const record = await writeExperimentRun(dir, gradientFieldExperiment, result, {
    size: 'tiny',
    seed: 0,
    runtimeSeconds: 0.5,
    backend: 'js',
  });
  assert.ok(readFileSync(join(dir, 'negative-gradient.svg'), 'utf8').startsWith('<svg'));
  assert.deepEqual(
    [...readFileSync(join(dir, 'negative-gradient.png')).subarray(1, 4)],
    [0x50, 0x4e, 0x47],
  );
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as ExperimentRecord;
  assert.equal(summary.claim, gradientFieldExperiment.claim);
  assert.equal(summary.figures[0]!.png, 'negative-gradient.png');
  assert.deepEqual(summary.numbers, JSON.parse(JSON.stringify(result.numbers)));
  assert.deepEqual(readExperimentRecords(root, ['numerical-diff', 'gradient-field']), [record]);
});

test('the gallery shows each figure by relative path beside its claim and key numbers, HTML-escaped', async () => {
  const record: ExperimentRecord = {
    name: 'demo',
    title: 'A <demo>',
    claim: 'x < y & "quoted" (ch04 §4.3)',
    book: 'ch04 §4.3',
    size: 'fast',
    seed: 7,
    runtimeSeconds: 1.25,
    backend: 'js',
    key: [{ label: 'slope', value: 0.1999999999990898 }],
    figures: [{ name: 'f', caption: 'a figure', svg: 'f.svg', png: 'f.png' }],
    numbers: {},
  };
  const html = galleryHtml([record]);
  assert.ok(html.includes('<img src="demo/f.png"'));
  assert.ok(html.includes('href="demo/f.svg"'));
  assert.ok(html.includes('x &lt; y &amp; &quot;quoted&quot; (ch04 §4.3)'));
  assert.ok(html.includes('A &lt;demo&gt;'));
  assert.ok(html.includes('0.1999999999990898'));
  assert.ok(
    !html.includes('http://') && !html.includes('https://'),
    'self-contained: no remote resources',
  );
  const path = await writeGallery(root, [record]);
  assert.ok(existsSync(path) && path.endsWith('index.html'));
});

test('a corrupt or foreign summary.json is skipped and reported, not fatal to the gallery', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradlab-gallery-bad-'));
  try {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'summary.json'), '{"name": "a", "cla');
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'b', 'summary.json'), '{"name": "b"}');
    const skipped: string[] = [];
    const records = readExperimentRecords(dir, ['a', 'b'], (path, reason) =>
      skipped.push(`${path}: ${reason}`),
    );
    assert.equal(records.length, 0);
    assert.equal(skipped.length, 2);
    assert.match(skipped[0]!, /a[/\\]summary\.json: not readable JSON/);
    assert.match(skipped[1]!, /b[/\\]summary\.json: not an experiment summary/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
