#!/usr/bin/env node
// The gradlab command: runs the compiled CLI (dist/src/cli/main.js, from `npm run build`) when
// present, else the TypeScript source through tsx, so a fresh clone works before any build.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'dist', 'src', 'cli', 'main.js');

let cli;
if (existsSync(compiled)) {
  cli = await import(pathToFileURL(compiled).href);
} else {
  const { tsImport } = await import('tsx/esm/api');
  cli = await tsImport(pathToFileURL(join(root, 'src', 'cli', 'main.ts')).href, import.meta.url);
}
cli.exitQuietlyOnClosedPipe?.();
process.exitCode = await cli.main(process.argv);
