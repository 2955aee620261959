import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  fillImageBatch,
  fillLabelBatch,
  splitValidation,
  subset,
  toOneHot,
  type ImageDataset,
} from '../../src/data/dataset.js';
import { createRng } from '../../src/tensor/rng.js';

// 5 images of 2×2 pixels: image k holds k·50 + pixel index, label k % 3.
const ds: ImageDataset = {
  images: Uint8Array.from({ length: 20 }, (_, i) => Math.floor(i / 4) * 50 + (i % 4)),
  labels: Uint8Array.from({ length: 5 }, (_, k) => k % 3),
  count: 5,
  rows: 2,
  cols: 2,
  classes: 3,
};

describe('subset', () => {
  it('copies the chosen samples in the given order', () => {
    const s = subset(ds, [4, 0]);
    assert.equal(s.count, 2);
    assert.deepEqual([...s.images], [200, 201, 202, 203, 0, 1, 2, 3]);
    assert.deepEqual([...s.labels], [1, 0]);
    assert.equal(s.rows, 2);
    assert.notEqual(s.images.buffer, ds.images.buffer);
  });

  it('rejects an index outside the dataset', () => {
    assert.throws(
      () => subset(ds, [5]),
      /subset: indices\[0\] is 5, expected an integer in 0\.\.4/,
    );
  });
});

describe('splitValidation', () => {
  it('partitions the samples, the same way for the same seed', () => {
    const a = splitValidation(ds, 0.4, createRng(7));
    const b = splitValidation(ds, 0.4, createRng(7));
    assert.equal(a.validation.count, 2);
    assert.equal(a.train.count, 3);
    assert.deepEqual([...a.validation.images], [...b.validation.images]);
    const firstPixels = [...a.train.images, ...a.validation.images].filter((_, i) => i % 4 === 0);
    assert.deepEqual(
      firstPixels.sort((x, y) => x - y),
      [0, 50, 100, 150, 200],
    );
  });

  it('rejects a fraction outside (0, 1)', () => {
    assert.throws(
      () => splitValidation(ds, 1, createRng(0)),
      /fraction must be in \(0, 1\), got 1/,
    );
    assert.throws(() => splitValidation(ds, Number.NaN, createRng(0)), RangeError);
  });
});

describe('fillImageBatch', () => {
  it('writes x / 255 as load_mnist(normalize=True) does, equal to float32 division', () => {
    const out = new Float32Array(8);
    fillImageBatch(ds, Int32Array.of(1, 3), 2, out);
    assert.equal(out[0], Math.fround(50 / 255));
    assert.equal(out[7], Math.fround(153 / 255));
  });

  it('writes raw 0..255 values without normalize and leaves slots past count alone', () => {
    const out = new Float64Array(12).fill(-1);
    fillImageBatch(ds, Int32Array.of(4, 2, 0), 2, out, false);
    assert.deepEqual([...out], [200, 201, 202, 203, 100, 101, 102, 103, -1, -1, -1, -1]);
  });

  it('rejects a short output, a bad count and an index out of range', () => {
    assert.throws(
      () => fillImageBatch(ds, Int32Array.of(0, 1), 2, new Float32Array(7)),
      /out has 7 slots, need 2 × 4 = 8/,
    );
    assert.throws(
      () => fillImageBatch(ds, Int32Array.of(0), 2, new Float32Array(8)),
      /count must be an integer in 0\.\.1/,
    );
    assert.throws(
      () => fillImageBatch(ds, Int32Array.of(-1), 1, new Float32Array(4)),
      /indices\[0\] is -1/,
    );
  });
});

describe('fillLabelBatch', () => {
  it('writes the labels of the chosen samples', () => {
    const out = new Int32Array(3);
    fillLabelBatch(ds, Int32Array.of(4, 2, 3), 3, out);
    assert.deepEqual([...out], [1, 2, 0]);
  });

  it('rejects a short output', () => {
    assert.throws(
      () => fillLabelBatch(ds, Int32Array.of(1, 2), 2, new Int32Array(1)),
      /out has 1 slots/,
    );
  });
});

describe('toOneHot', () => {
  it('sets one 1 per row at the label', () => {
    assert.deepEqual([...toOneHot([2, 0], 3)], [0, 0, 1, 1, 0, 0]);
  });

  it('clears and reuses a given output array', () => {
    const out = new Float32Array(6).fill(5);
    assert.equal(toOneHot(Uint8Array.of(1, 1), 3, out), out);
    assert.deepEqual([...out], [0, 1, 0, 0, 1, 0]);
  });

  it('rejects a label out of range and a bad class count', () => {
    assert.throws(() => toOneHot([3], 3), /label 0 is 3, expected an integer in 0\.\.2/);
    assert.throws(() => toOneHot([0], 0), /classes must be a positive integer/);
  });
});
