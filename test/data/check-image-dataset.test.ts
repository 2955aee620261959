import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkImageDataset,
  checkSameShape,
  ImageDatasetError,
} from '../../src/data/check-image-dataset.js';
import type { ImageDataset } from '../../src/data/dataset.js';

const ds: ImageDataset = {
  images: new Uint8Array(3 * 2 * 2),
  labels: Uint8Array.of(0, 2, 1),
  count: 3,
  rows: 2,
  cols: 2,
  classes: 3,
};

function refused(bad: ImageDataset, pattern: RegExp): void {
  assert.throws(
    () => checkImageDataset(bad, 'train'),
    (e: unknown) => e instanceof ImageDatasetError && pattern.test(e.message),
  );
}

test('a consistent dataset passes', () => {
  checkImageDataset(ds, 'train');
});

test('sizes, array lengths and labels that do not fit are refused, naming the set, expected and found', () => {
  refused({ ...ds, count: 0 }, /^train set: count must be a positive integer, got 0$/);
  refused({ ...ds, rows: 1.5 }, /rows must be a positive integer, got 1\.5/);
  refused({ ...ds, classes: Number.NaN }, /classes must be a positive integer, got NaN/);
  refused({ ...ds, images: new Uint8Array(11) }, /expected 3 × 2 × 2 = 12 image bytes, found 11/);
  refused({ ...ds, labels: Uint8Array.of(0, 1) }, /expected 3 labels \(one per image\), found 2/);
  refused(
    { ...ds, labels: Uint8Array.of(0, 3, 1) },
    /label 1 is 3, expected a class index in 0 … 2/,
  );
});

test('a second set must have the train set’s image size and classes', () => {
  checkSameShape(
    ds,
    { ...ds, count: 1, images: new Uint8Array(4), labels: Uint8Array.of(0) },
    'test',
  );
  assert.throws(
    () => checkSameShape(ds, { ...ds, rows: 3, images: new Uint8Array(18) }, 'test'),
    /test set: expected 2×2 images in 3 classes like the train set, found 3×2 in 3$/,
  );
});
