#!/usr/bin/env node
// The gradlab command. In a source checkout (src/ present) it runs the TypeScript source through
// tsx, so it never runs a stale build; an installed package (dist/ only) runs the compiled CLI.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src', 'cli', 'main.ts');
const compiled = join(root, 'dist', 'src', 'cli', 'main.js');

let cli;
if (existsSync(source)) {
  const { tsImport } = await import('tsx/esm/api');
  cli = await tsImport(pathToFileURL(source).href, import.meta.url);
} else {
  cli = await import(pathToFileURL(compiled).href);
}
cli.exitQuietlyOnClosedPipe?.();
process.exitCode = await cli.main(process.argv);
