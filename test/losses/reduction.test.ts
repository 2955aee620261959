import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REDUCTIONS, resolveReduction } from '../../src/losses/reduction.js';

test("the default reduction is 'mean' and every PyTorch reduction is accepted", () => {
  assert.equal(resolveReduction('f', undefined), 'mean');
  assert.deepEqual([...REDUCTIONS], ['none', 'mean', 'sum']);
  for (const r of REDUCTIONS) assert.equal(resolveReduction('f', r), r);
  assert.equal(resolveReduction('f', 'batchmean', [...REDUCTIONS, 'batchmean']), 'batchmean');
});

test('an unknown reduction is rejected listing the allowed ones', () => {
  assert.throws(
    () => resolveReduction('mseLoss', 'avg'),
    /^LossInputError: mseLoss: options.reduction: expected 'none' \| 'mean' \| 'sum', found 'avg'$/,
  );
  assert.throws(() => resolveReduction('f', 'batchmean'), /found 'batchmean'/);
  assert.throws(() => resolveReduction('f', 3 as unknown as string), /found 3/);
});
