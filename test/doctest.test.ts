/**
 * Every `@example` in src/ runs as a test (scripts/doctest.ts extracts and runs them): a line
 * ending in `// → value` asserts its value, so an example that lies fails here. Examples marked
 * `not run:` (they need files, a run folder, a DOM) are listed as skipped with their reason.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  allExamples,
  exampleBody,
  mismatch,
  runExample,
  type DocExample,
} from '../scripts/doctest.js';

const examples = allExamples();

test('the examples are found, and most of them run', (t) => {
  const skipped = examples.filter((e) => e.skip !== null).length;
  const asserting = examples.filter(
    (e) => e.skip === null && e.code.some((l) => /\/\/ → /.test(l)),
  ).length;
  t.diagnostic(
    `${examples.length} examples: ${examples.length - skipped} run (${asserting} assert a value), ${skipped} not run`,
  );
  assert.ok(examples.length > 250, `only ${examples.length} examples found`);
  assert.ok(skipped < examples.length / 4, `${skipped} of ${examples.length} examples are not run`);
});

test('the runner fails on an example that lies, and on a wrong error name', async () => {
  const lie: DocExample = {
    file: 'src/functions/activations.ts',
    line: 1,
    codeLine: 1,
    code: ['relu([-1, 2]).toArray(); // → [0, 3]'],
    skip: null,
  };
  await assert.rejects(runExample(lie, -1), /\[1\]: expected 3, got 2.*not run: why/);
  const wrong = { ...lie, code: ['tensor([1, 2]).reshape([3]); // → throws TypeError'] };
  await assert.rejects(runExample(wrong, -2), /expected TypeError, got RangeError/);
  assert.deepEqual(exampleBody({ ...lie, code: ['const y = 2; // → 2'] }).body, [
    'const y = 2;',
    '__eq(y, (2), "src/functions/activations.ts:1");',
  ]);
});

test('numbers match to the digits printed; objects match on the fields they list', () => {
  assert.equal(mismatch(0.5974999999999999, 0.5975), null);
  assert.notEqual(mismatch(0.5974, 0.5975), null);
  assert.equal(mismatch(Float32Array.of(0.1, 2), [0.1, 2]), null);
  assert.equal(mismatch({ a: 1, b: 2 }, { a: 1 }), null);
  assert.notEqual(mismatch({ a: 1 }, { a: 1, b: 2 }), null);
});

for (const [n, ex] of examples.entries()) {
  const name = `${ex.file}:${ex.line}`;
  if (ex.skip !== null) test(name, { skip: `not run: ${ex.skip}` }, () => {});
  else test(name, () => runExample(ex, n));
}
