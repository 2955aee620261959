import type { ImageDataset } from '../../src/data/dataset.js';
import { createRng } from '../../src/tensor/rng.js';

/**
 * A seeded toy image set for training tests: `classes` prototype images of side×side bytes,
 * each sample its class prototype plus uniform noise, so a small network can learn it in a
 * few hundred steps.
 */
export function syntheticImages(count: number, seed: number, side = 6, classes = 3): ImageDataset {
  const rng = createRng(seed);
  const size = side * side;
  const protoRng = createRng(12345); // prototypes are shared by every split
  const protos = Array.from({ length: classes }, () =>
    Array.from({ length: size }, () => (protoRng.next() < 0.35 ? 200 : 20)),
  );
  const images = new Uint8Array(count * size);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const c = rng.int(classes);
    labels[i] = c;
    for (let j = 0; j < size; j++)
      images[i * size + j] = Math.max(
        0,
        Math.min(255, protos[c][j] + Math.round((rng.next() - 0.5) * 260)),
      );
  }
  return { images, labels, count, rows: side, cols: side, classes };
}
