import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { FileReadError } from '../../../src/platform/node/read-bytes.js';
import { decodePng, PngFormatError, readPng } from '../../../src/platform/node/read-png.js';
import { applyMutation, concat, mutationArb, typedErrorOrValid } from '../../helpers/mutation.js';
import { buildPng, fixCrcs, ihdr, pngChunk } from '../../helpers/png-chunks.js';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-png-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// 3×2 gray image: rows start with filter byte 0.
const gray = buildPng(ihdr(3, 2), Uint8Array.of(0, 0, 128, 255, 0, 10, 20, 30));

function rejects(bytes: Uint8Array, pattern: RegExp, maxPixels?: number): void {
  assert.throws(
    () => decodePng(bytes, 'd.png', maxPixels),
    (e: unknown) => {
      assert.ok(e instanceof PngFormatError, `expected PngFormatError, got ${String(e)}`);
      assert.equal(e.source, 'd.png');
      assert.match(e.message, pattern);
      return true;
    },
  );
}

describe('decodePng', () => {
  it('decodes a gray PNG to RGBA', () => {
    const img = decodePng(gray, 'd.png');
    assert.deepEqual([img.width, img.height, img.channels], [3, 2, 4]);
    assert.deepEqual([...img.data.subarray(0, 8)], [0, 0, 0, 255, 128, 128, 128, 255]);
    assert.deepEqual([...img.data.subarray(20, 24)], [30, 30, 30, 255]);
  });

  it('decodes an RGBA PNG', () => {
    const img = decodePng(buildPng(ihdr(1, 1, 6), Uint8Array.of(0, 1, 2, 3, 4)), 'd.png');
    assert.deepEqual([...img.data], [1, 2, 3, 4]);
  });

  it('rejects a file that is not a PNG', () => {
    rejects(
      new TextEncoder().encode('hello, this is text and not an image!'),
      /not a PNG file: .*starting 68 65 6c 6c/,
    );
    rejects(new Uint8Array(0), /found 0 bytes starting \(nothing\)/);
  });

  it('rejects a PNG whose first chunk is not IHDR', () => {
    const bad = Uint8Array.from(gray);
    bad[12] = 0x41;
    rejects(bad, /expected a 13-byte IHDR chunk first/);
  });

  it('rejects a corrupt checksum and a truncated file', () => {
    const bad = Uint8Array.from(gray);
    bad[bad.length - 20] ^= 0x55;
    rejects(bad, /corrupt PNG/);
    rejects(gray.subarray(0, gray.length - 16), /corrupt PNG/);
  });

  it('refuses dimensions over the pixel limit before allocating', () => {
    rejects(
      buildPng(ihdr(100000, 100000), new Uint8Array(1)),
      /100000×100000 = 10000000000 pixels, more than the 33554432-pixel limit/,
    );
    rejects(gray, /6 pixels, more than the 5-pixel limit/, 5);
    rejects(buildPng(ihdr(0, 5), new Uint8Array(1)), /positive width and height, found 0×5/);
  });

  it('stops an interlaced zlib bomb that pngjs would inflate unbounded', () => {
    rejects(
      buildPng(ihdr(2, 2, 0, 8, 1), new Uint8Array(8 << 20)),
      /does not inflate within \d+ bytes/,
    );
  });

  it('refuses image data that pngjs would fill from uninitialised memory: short, or pointing before its start', () => {
    // Before the check these decoded to leftover process memory: different pixels, or a
    // different error, on every call.
    rejects(
      buildPng(ihdr(3, 2), Uint8Array.of(0, 0, 128, 255)),
      /expected 8 bytes of image data for 3×2 pixels, found 4/,
    );
    const tooFarBack = Buffer.from('78016304b73abdee85ed8b170c355b66d731200300911e074a', 'hex');
    rejects(
      concat(
        gray.subarray(0, 8),
        pngChunk('IHDR', ihdr(2, 3, 4, 16)),
        pngChunk('IDAT', tooFarBack),
        pngChunk('IEND', new Uint8Array(0)),
      ),
      /invalid distance too far back/,
    );
  });

  it('ends in PngFormatError or a consistent image for any mutation, CRCs fixed or not', () => {
    fc.assert(
      fc.property(mutationArb(4), fc.boolean(), (m, fix) => {
        const bytes = applyMutation(gray, m, gray.length - 8);
        if (fix) fixCrcs(bytes);
        typedErrorOrValid(
          () => decodePng(bytes, 'fuzz.png', 1 << 16),
          [PngFormatError],
          (img) => {
            assert.equal(img.data.length, img.width * img.height * 4);
          },
        );
      }),
      { numRuns: 200, seed: 6 },
    );
  });
});

describe('readPng', () => {
  it('reads a PNG file and names the path in errors', () => {
    const p = join(dir, 'digit.png');
    writeFileSync(p, gray);
    assert.equal(readPng(p).width, 3);
    const txt = join(dir, 'digit.txt');
    writeFileSync(txt, 'not a png at all, just some text');
    assert.throws(
      () => readPng(txt),
      (e: unknown) => e instanceof PngFormatError && e.message.startsWith(`${txt}: not a PNG`),
    );
    assert.throws(
      () => readPng(join(dir, 'none.png')),
      (e: unknown) => e instanceof FileReadError && e.reason === 'missing',
    );
  });
});
