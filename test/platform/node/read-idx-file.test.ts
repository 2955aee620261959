import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { encodeIdx, IdxFormatError } from '../../../src/data/idx.js';
import { FileReadError } from '../../../src/platform/node/read-bytes.js';
import { decodeIdxBytes, readIdxFile } from '../../../src/platform/node/read-idx-file.js';
import { applyMutation, mutationArb, typedErrorOrValid } from '../../helpers/mutation.js';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-read-idx-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const images = encodeIdx(
  [3, 2, 2],
  Uint8Array.from({ length: 12 }, (_, i) => i),
);

describe('readIdxFile', () => {
  it('reads a raw IDX file', () => {
    const p = join(dir, 'train-images-idx3-ubyte');
    writeFileSync(p, images);
    const idx = readIdxFile(p);
    assert.deepEqual(idx.dims, [3, 2, 2]);
    assert.equal(idx.data[11], 11);
  });

  it('reads a gzipped IDX file to the same result', () => {
    const p = join(dir, 'train-images-idx3-ubyte.gz');
    writeFileSync(p, gzipSync(images));
    const idx = readIdxFile(p);
    assert.deepEqual(idx.dims, [3, 2, 2]);
    assert.deepEqual([...idx.data], [...images.subarray(16)]);
  });

  it('names the path in IDX format errors', () => {
    const p = join(dir, 'cut.gz');
    writeFileSync(p, gzipSync(images.subarray(0, 20)));
    assert.throws(
      () => readIdxFile(p),
      (e: unknown) =>
        e instanceof IdxFormatError &&
        e.source === p &&
        /expected 12 data bytes .* found 4/.test(e.message),
    );
  });

  it('names the path when the file is missing, a directory or empty', () => {
    const empty = join(dir, 'empty');
    writeFileSync(empty, '');
    for (const [p, reason] of [
      [join(dir, 'nope'), 'missing'],
      [dir, 'not-a-file'],
      [empty, 'empty'],
    ]) {
      assert.throws(
        () => readIdxFile(p),
        (e: unknown) => e instanceof FileReadError && e.path === p && e.reason === reason,
      );
    }
  });

  it('stops a gzip bomb at the given limit', () => {
    const p = join(dir, 'bomb.gz');
    writeFileSync(p, gzipSync(new Uint8Array(2 << 20)));
    assert.throws(
      () => readIdxFile(p, 1 << 20),
      (e: unknown) => e instanceof FileReadError && e.reason === 'too-large',
    );
  });
});

describe('decodeIdxBytes', () => {
  it('ends in a typed error or a valid result for any mutation of gzipped IDX bytes', () => {
    const packed = gzipSync(images);
    fc.assert(
      fc.property(mutationArb(4), (m) => {
        const bytes = applyMutation(packed, m, 2);
        typedErrorOrValid(
          () => decodeIdxBytes(bytes, 'm.gz', 1 << 20),
          [FileReadError, IdxFormatError],
          (idx) => {
            assert.equal(
              idx.data.length,
              idx.dims.reduce((p, d) => p * d, 1),
            );
          },
        );
      }),
      { numRuns: 200, seed: 2 },
    );
  });
});
