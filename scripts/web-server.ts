import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build, createServer, preview } from 'vite';

/** The repository's Vite config (root web/, MNIST assets, loopback-only servers). */
export const VITE_CONFIG = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

/** A running playground server and the way to stop it. */
export interface PlaygroundServer {
  /** e.g. http://127.0.0.1:41234/ */
  readonly url: string;
  close(): Promise<void>;
}

/** A TCP port that was free on 127.0.0.1 a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('freePort: no port assigned'))));
    });
  });
}

/**
 * Starts the playground on 127.0.0.1 at a free port: `mode` 'preview' builds web/dist and serves
 * it (what `npm run build:web` produces), 'dev' runs the Vite dev server (what `npm run web` runs).
 * @example
 * const server = await startPlayground('preview');
 * try { console.log(server.url); } finally { await server.close(); }
 */
export async function startPlayground(mode: 'preview' | 'dev'): Promise<PlaygroundServer> {
  const port = await freePort();
  const common = { configFile: VITE_CONFIG, logLevel: 'error' as const };
  if (mode === 'preview') {
    await build(common);
    const server = await preview({
      ...common,
      preview: { host: '127.0.0.1', port, strictPort: true },
    });
    return {
      url: `http://127.0.0.1:${port}/`,
      close: () => server.close(),
    };
  }
  const server = await createServer({
    ...common,
    server: { host: '127.0.0.1', port, strictPort: true },
  });
  await server.listen();
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}
