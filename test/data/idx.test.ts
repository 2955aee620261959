import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  encodeIdx,
  expectIdxImages,
  expectIdxLabels,
  IdxFormatError,
  parseIdx,
} from '../../src/data/idx.js';
import { applyMutation, mutationArb, typedErrorOrValid } from '../helpers/mutation.js';

const labels = encodeIdx([4], Uint8Array.of(7, 3, 0, 9));
const images = encodeIdx(
  [2, 2, 3],
  Uint8Array.from({ length: 12 }, (_, i) => i * 20),
);

function throwsIdx(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof IdxFormatError, `expected IdxFormatError, got ${String(e)}`);
    assert.equal(e.source, 'f.idx');
    assert.match(e.message, /^f\.idx: /);
    assert.match(e.message, pattern);
    return true;
  });
}

function withHeader(header: number[], body: number[] = []): Uint8Array {
  return Uint8Array.from([...header, ...body]);
}

describe('parseIdx', () => {
  it('parses a label file into dims and a view of the data without copying', () => {
    const idx = parseIdx(labels, 'f.idx');
    assert.equal(idx.magic, 2049);
    assert.deepEqual(idx.dims, [4]);
    assert.deepEqual([...idx.data], [7, 3, 0, 9]);
    assert.equal(idx.data.buffer, labels.buffer);
    assert.equal(idx.data.byteOffset, 8);
  });

  it('parses an image file with three big-endian dimensions', () => {
    const idx = parseIdx(images, 'f.idx');
    assert.equal(idx.magic, 2051);
    assert.deepEqual(idx.dims, [2, 2, 3]);
    assert.equal(idx.data[11], 220);
  });

  it('reads dimensions above 2^24 as unsigned big-endian', () => {
    const bytes = withHeader([0, 0, 8, 2, 0x01, 0x00, 0x00, 0x00, 0, 0, 0, 1]);
    throwsIdx(() => parseIdx(bytes, 'f.idx'), /expected 16777216 data bytes .* found 0/);
  });

  it('rejects fewer than 4 bytes', () => {
    throwsIdx(() => parseIdx(new Uint8Array(3), 'f.idx'), /at least 4 bytes.*found 3/);
    throwsIdx(() => parseIdx(new Uint8Array(0), 'f.idx'), /found 0/);
  });

  it('rejects a file whose first two bytes are not zero, hinting at gzip', () => {
    throwsIdx(() => parseIdx(withHeader([1, 0, 8, 1]), 'f.idx'), /00 00, found 0x01 0x00/);
    throwsIdx(() => parseIdx(withHeader([0x1f, 0x8b, 8, 0]), 'f.idx'), /gzip/);
  });

  it('rejects other element types, naming them', () => {
    throwsIdx(
      () => parseIdx(withHeader([0, 0, 0x0d, 1, 0, 0, 0, 1], [0, 0, 0, 0]), 'f.idx'),
      /expected 0x08.*found 0x0d \(float32\)/,
    );
    throwsIdx(
      () => parseIdx(withHeader([0, 0, 0x42, 1]), 'f.idx'),
      /found 0x42 \(not an IDX type\)/,
    );
  });

  it('rejects 0 or more than 4 dimensions', () => {
    throwsIdx(() => parseIdx(withHeader([0, 0, 8, 0]), 'f.idx'), /1 to 4 dimensions, found 0/);
    throwsIdx(() => parseIdx(withHeader([0, 0, 8, 5]), 'f.idx'), /1 to 4 dimensions, found 5/);
  });

  it('rejects a header cut short', () => {
    throwsIdx(
      () => parseIdx(withHeader([0, 0, 8, 3, 0, 0, 0, 1]), 'f.idx'),
      /truncated header: expected 16 bytes .* found 8/,
    );
  });

  it('rejects a zero dimension', () => {
    throwsIdx(
      () => parseIdx(withHeader([0, 0, 8, 2, 0, 0, 0, 1, 0, 0, 0, 0]), 'f.idx'),
      /dimension 1 .* found 0/,
    );
  });

  it('reports truncated data with the expected and found byte counts', () => {
    throwsIdx(
      () => parseIdx(images.subarray(0, images.length - 5), 'f.idx'),
      /truncated data: dims \[2, 2, 3\] expected 12 data bytes after the 16-byte header, found 7/,
    );
  });

  it('rejects trailing bytes after the data', () => {
    const long = new Uint8Array(labels.length + 2);
    long.set(labels);
    throwsIdx(() => parseIdx(long, 'f.idx'), /trailing bytes: .* expected 4 .* found 6/);
  });

  it('computes huge dimension products exactly, without overflow', () => {
    const bytes = withHeader([0, 0, 8, 4, ...Array(16).fill(0xff)], [1, 2]);
    throwsIdx(
      () => parseIdx(bytes, 'f.idx'),
      /expected 340282366604025813516997721482669850625 data bytes/,
    );
  });

  it('ends in IdxFormatError or a consistent result for any mutation of a valid file', () => {
    fc.assert(
      fc.property(fc.constantFrom(labels, images), mutationArb(6), (base, m) => {
        const bytes = applyMutation(base, m);
        typedErrorOrValid(
          () => parseIdx(bytes, 'f.idx'),
          [IdxFormatError],
          (idx) => {
            assert.equal(
              idx.data.length,
              idx.dims.reduce((p, d) => p * d, 1),
            );
          },
        );
      }),
      { numRuns: 200, seed: 1 },
    );
  });
});

describe('expectIdxLabels', () => {
  it('returns the labels of a 1-D file', () => {
    assert.deepEqual([...expectIdxLabels(parseIdx(labels, 'f.idx'), 'f.idx')], [7, 3, 0, 9]);
  });

  it('rejects an image file given as labels, naming both magic numbers', () => {
    throwsIdx(
      () => expectIdxLabels(parseIdx(images, 'f.idx'), 'f.idx'),
      /magic 2049.*found magic 2051 with dims \[2, 2, 3\]/,
    );
  });

  it('rejects a label outside the class range', () => {
    throwsIdx(
      () => expectIdxLabels(parseIdx(labels, 'f.idx'), 'f.idx', 8),
      /label 3 is 9: expected a class index in 0\.\.7/,
    );
  });
});

describe('expectIdxImages', () => {
  it('returns count, rows, cols and the pixel bytes of a 3-D file', () => {
    const img = expectIdxImages(parseIdx(images, 'f.idx'), 'f.idx');
    assert.deepEqual([img.count, img.rows, img.cols, img.data.length], [2, 2, 3, 12]);
  });

  it('rejects a label file given as images', () => {
    throwsIdx(
      () => expectIdxImages(parseIdx(labels, 'f.idx'), 'f.idx'),
      /expected an image file \(magic 2051, 3 dimensions\), found magic 2049/,
    );
  });
});

describe('encodeIdx', () => {
  it('writes the header the book reads back with offset 8 or 16', () => {
    assert.deepEqual([...labels.subarray(0, 8)], [0, 0, 8, 1, 0, 0, 0, 4]);
    assert.deepEqual([...images.subarray(0, 16)], [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3]);
  });

  it('refuses dims that do not match the data', () => {
    assert.throws(() => encodeIdx([3], new Uint8Array(2)), /hold 3 bytes, data has 2/);
    assert.throws(() => encodeIdx([], new Uint8Array(1)), RangeError);
  });
});
