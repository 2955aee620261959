#!/usr/bin/env node
// The gradlab command. It runs the compiled CLI (dist/, built by `npm install` through prepare,
// or `npm run build`): about 5× faster to start than TypeScript through tsx. In a source checkout
// whose src/ changed after the build, it runs the source through tsx instead, so it never runs a
// stale build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src', 'cli', 'main.ts');
const compiled = join(root, 'dist', 'src', 'cli', 'main.js');

/** The newest modification time (ms) of the files under dir. */
function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const fresh =
  existsSync(compiled) &&
  (!existsSync(source) || newest(join(root, 'src')) <= statSync(compiled).mtimeMs);
let cli;
if (fresh) {
  cli = await import(pathToFileURL(compiled).href);
} else {
  const { tsImport } = await import('tsx/esm/api');
  cli = await tsImport(pathToFileURL(source).href, import.meta.url);
}
cli.exitQuietlyOnClosedPipe?.();
process.exitCode = await cli.main(process.argv);
