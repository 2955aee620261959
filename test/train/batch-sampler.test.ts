import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BatchSampler } from '../../src/train/batch-sampler.js';
import { createRng } from '../../src/tensor/rng.js';

test("'replacement' draws like rng.choice and can repeat a sample within a batch", () => {
  const s = new BatchSampler(5, 20, 'replacement', createRng(3));
  const batch = Array.from(s.next());
  assert.deepEqual(batch, Array.from(createRng(3).choice(5, 20)));
  assert.ok(new Set(batch).size < batch.length);
});

test("'shuffle' visits every sample once per epoch and drops the partial last batch", () => {
  const s = new BatchSampler(10, 3, 'shuffle', createRng(1));
  const epoch1 = [...s.next(), ...s.next(), ...s.next()];
  assert.equal(new Set(epoch1).size, 9);
  const epoch2 = [...s.next(), ...s.next(), ...s.next()];
  assert.equal(new Set(epoch2).size, 9);
  assert.notDeepEqual(epoch1, epoch2);
});

test('next() reuses one buffer', () => {
  const s = new BatchSampler(100, 10, 'shuffle', createRng(0));
  assert.equal(s.next(), s.next());
});

test('a restored sampler continues with the same batches', () => {
  for (const mode of ['replacement', 'shuffle'] as const) {
    const rng = createRng(7);
    const a = new BatchSampler(10, 4, mode, rng);
    a.next();
    const state = a.getState();
    const rngState = rng.getState();
    const expected = [Array.from(a.next()), Array.from(a.next()), Array.from(a.next())];
    const rng2 = createRng(99);
    const b = new BatchSampler(10, 4, mode, rng2);
    b.setState(state);
    rng2.setState(rngState);
    assert.deepEqual(
      [Array.from(b.next()), Array.from(b.next()), Array.from(b.next())],
      expected,
      mode,
    );
  }
});

test('a batch larger than the data is refused for shuffle, naming both sizes', () => {
  assert.throws(
    () => new BatchSampler(50, 100, 'shuffle', createRng(0)),
    /batch size 100 is larger than the 50 training samples/,
  );
  assert.doesNotThrow(() => new BatchSampler(50, 100, 'replacement', createRng(0)));
});

test('a state for another mode or size is refused', () => {
  const shuffled = new BatchSampler(10, 2, 'shuffle', createRng(0)).getState();
  assert.throws(
    () => new BatchSampler(10, 2, 'replacement', createRng(0)).setState(shuffled),
    /'shuffle' over 10/,
  );
  assert.throws(
    () => new BatchSampler(12, 2, 'shuffle', createRng(0)).setState(shuffled),
    /over 12/,
  );
});
