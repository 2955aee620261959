import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeIdx } from '../../src/data/idx.js';
import { syntheticImages } from '../train/synthetic-data.js';

/** What a finished CLI process left. */
export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of runCli: a signal to send once stdout has printed a line matching `when`. */
export interface CliRunOptions {
  readonly interrupt?: { readonly when: RegExp; readonly signal: NodeJS.Signals };
}

/** Runs `gradlab ARGS` (src/cli/main.ts through tsx) in a child process. */
export function runCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GRADLAB_DEBUG: '' },
    });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const i = options.interrupt;
      if (i !== undefined && !sent && i.when.test(stdout)) {
        sent = true;
        child.kill(i.signal);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Writes the four IDX files of a small synthetic 8×8 dataset (labels 0–2) into `dir`. */
export function writeTinyIdxDataset(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const parts = { train: syntheticImages(300, 1, 8), t10k: syntheticImages(100, 2, 8) };
  for (const [prefix, ds] of Object.entries(parts)) {
    writeFileSync(
      join(dir, `${prefix}-images-idx3-ubyte`),
      encodeIdx([ds.count, ds.rows, ds.cols], ds.images),
    );
    writeFileSync(join(dir, `${prefix}-labels-idx1-ubyte`), encodeIdx([ds.count], ds.labels));
  }
}
