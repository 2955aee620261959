import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import {
  FileReadError,
  formatBytes,
  gunzipBounded,
  isGzip,
  readFileBytes,
} from '../../../src/platform/node/read-bytes.js';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-read-bytes-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function throwsRead(fn: () => unknown, path: string, reason: string, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof FileReadError, `expected FileReadError, got ${String(e)}`);
    assert.equal(e.path, path);
    assert.equal(e.reason, reason);
    assert.ok(e.message.startsWith(`${path}: `));
    assert.match(e.message, pattern);
    return true;
  });
}

describe('readFileBytes', () => {
  it('returns the bytes of a raw file unchanged', () => {
    const p = join(dir, 'raw.bin');
    writeFileSync(p, Uint8Array.of(0, 1, 2, 255));
    assert.deepEqual([...readFileBytes(p)], [0, 1, 2, 255]);
  });

  it('inflates a gzip file detected by its magic, whatever its name', () => {
    const p = join(dir, 'packed.bin');
    writeFileSync(p, gzipSync(Uint8Array.of(9, 8, 7)));
    assert.deepEqual([...readFileBytes(p)], [9, 8, 7]);
    assert.equal(readFileBytes(p, { gunzip: false })[0], 0x1f);
  });

  it('reports a missing file', () => {
    const p = join(dir, 'missing.idx');
    throwsRead(() => readFileBytes(p), p, 'missing', /no such file/);
  });

  it('reports a directory given instead of a file', () => {
    const p = join(dir, 'a-dir');
    mkdirSync(p);
    throwsRead(() => readFileBytes(p), p, 'not-a-file', /expected a file, found a directory/);
  });

  it('reports an empty file', () => {
    const p = join(dir, 'empty.idx');
    writeFileSync(p, '');
    throwsRead(() => readFileBytes(p), p, 'empty', /empty file \(0 bytes\)/);
  });

  it('refuses a file above the size limit without reading it', () => {
    const p = join(dir, 'big.bin');
    writeFileSync(p, new Uint8Array(100));
    throwsRead(
      () => readFileBytes(p, { maxBytes: 99 }),
      p,
      'too-large',
      /100 bytes, more than the 99 bytes limit/,
    );
  });

  it('stops a gzip bomb at the output limit', () => {
    const p = join(dir, 'bomb.gz');
    const bomb = gzipSync(new Uint8Array(4 << 20));
    assert.ok(bomb.length < 10_000);
    writeFileSync(p, bomb);
    throwsRead(
      () => readFileBytes(p, { maxBytes: 1 << 20 }),
      p,
      'too-large',
      /inflates to more than 1 MiB/,
    );
  });

  it('reports corrupt and truncated gzip data', () => {
    const p = join(dir, 'bad.gz');
    const good = gzipSync(Uint8Array.from({ length: 1000 }, (_, i) => i % 251));
    writeFileSync(p, good.subarray(0, good.length - 30));
    throwsRead(() => readFileBytes(p), p, 'corrupt-gzip', /corrupt gzip data/);
    const flipped = Uint8Array.from(good);
    flipped[20] ^= 0xff;
    writeFileSync(p, flipped);
    throwsRead(() => readFileBytes(p), p, 'corrupt-gzip', /zlib says/);
  });
});

describe('gunzipBounded', () => {
  it('inflates bytes in memory and names the source in errors', () => {
    assert.deepEqual([...gunzipBounded(gzipSync(Uint8Array.of(1, 2)), 'x.gz')], [1, 2]);
    throwsRead(
      () => gunzipBounded(Uint8Array.of(0x1f, 0x8b, 0), 'x.gz'),
      'x.gz',
      'corrupt-gzip',
      /x\.gz: corrupt/,
    );
  });
});

describe('isGzip and formatBytes', () => {
  it('detect the gzip magic and print sizes', () => {
    assert.equal(isGzip(Uint8Array.of(0x1f, 0x8b)), true);
    assert.equal(isGzip(Uint8Array.of(0x1f)), false);
    assert.equal(formatBytes(512 * 1024 * 1024), '512 MiB');
    assert.equal(formatBytes(10), '10 bytes');
  });
});
