import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findExperiment, EXPERIMENTS } from '../../src/experiments/registry.js';
import { ExperimentError, type JsonValue } from '../../src/experiments/experiment.js';
import { compileMessages } from '../plot/compile-spec.js';

/** Every number in a JSON value, so NaN and ±Infinity (which JSON would turn into null) can be found. */
function numbersIn(v: JsonValue, path: string, out: [string, number][]): [string, number][] {
  if (typeof v === 'number') out.push([path, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => numbersIn(x as JsonValue, `${path}[${i}]`, out));
  else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) numbersIn(x as JsonValue, `${path}.${k}`, out);
  }
  return out;
}

for (const experiment of EXPERIMENTS.filter((e) => !e.needsMnist)) {
  test(`${experiment.name}: its figures compile without Vega-Lite warnings and its numbers are finite JSON`, () => {
    const r = experiment.run({ size: 'tiny', seed: 0 });
    const names = r.figures.map((f) => f.name);
    assert.equal(new Set(names).size, names.length);
    for (const f of r.figures) {
      assert.match(f.name, /^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$/);
      assert.deepEqual(compileMessages(f.spec), [], f.name);
    }
    const bad = numbersIn(r.numbers as JsonValue, 'numbers', []).filter(
      ([, v]) => !Number.isFinite(v),
    );
    assert.deepEqual(bad, []);
    assert.ok(r.key.length > 0);
  });
}

test('the same seed gives the same result', () => {
  const e = findExperiment('max-likelihood');
  assert.deepEqual(
    e.run({ size: 'tiny', seed: 3 }).numbers,
    e.run({ size: 'tiny', seed: 3 }).numbers,
  );
  assert.notDeepEqual(
    e.run({ size: 'tiny', seed: 3 }).numbers,
    e.run({ size: 'tiny', seed: 4 }).numbers,
  );
});

test('an unknown name or size is an ExperimentError saying what was expected', () => {
  assert.throws(
    () => findExperiment('gradient'),
    (e: unknown) => e instanceof ExperimentError && /numerical-diff/.test(e.message),
  );
  assert.throws(
    () => findExperiment('losses').run({ size: 'huge' as 'fast', seed: 0 }),
    (e: unknown) => e instanceof ExperimentError && /tiny, fast, full/.test(e.message),
  );
});

test('every experiment quotes the seed note it tests (as the note writes it), naming the note and section', () => {
  for (const e of EXPERIMENTS) {
    assert.ok(e.note !== undefined, `${e.name} has no note quote`);
    assert.match(e.note.source, /^note 00[0-4], \S/, e.name);
    assert.ok(e.note.quote.trim().length >= 20, `${e.name}: the quote is empty or a fragment`);
  }
});
