import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { encodeIdx } from '../../src/data/idx.js';
import { syntheticImages } from '../train/synthetic-data.js';

/** What a finished CLI process left. */
export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Options of runCli: a signal to send once stdout has printed a line matching `when`, or
 * `afterMs` milliseconds after the start. With `holdAfterEpoch`, training waits after that
 * epoch until the signal comes (GRADLAB_HOLD_AFTER_EPOCH), so a short run cannot finish before
 * it: pair it with a `when` that matches that epoch's line.
 */
export interface CliRunOptions {
  readonly interrupt?:
    | { readonly when: RegExp; readonly signal: NodeJS.Signals; readonly holdAfterEpoch?: number }
    | { readonly afterMs: number; readonly signal: NodeJS.Signals };
}

/** Runs `gradlab ARGS` (src/cli/main.ts through tsx) in a child process. */
export function runCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const i = options.interrupt;
    const hold = i !== undefined && 'holdAfterEpoch' in i ? String(i.holdAfterEpoch) : '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GRADLAB_DEBUG: '', GRADLAB_HOLD_AFTER_EPOCH: hold },
    });
    let stdout = '';
    let stderr = '';
    let sent = false;
    if (i !== undefined && 'afterMs' in i) setTimeout(() => child.kill(i.signal), i.afterMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (i !== undefined && 'when' in i && !sent && i.when.test(stdout)) {
        sent = true;
        child.kill(i.signal);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/**
 * Runs main() in this process with stdout and stderr captured, for commands that fail before
 * any work. One at a time: it swaps process.stdout/stderr.write while main() runs.
 */
export async function runMain(args: readonly string[]): Promise<CliResult> {
  const out = { stdout: '', stderr: '' };
  const write = { stdout: process.stdout.write, stderr: process.stderr.write };
  process.stdout.write = ((chunk: string) => (
    (out.stdout += chunk),
    true
  )) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => (
    (out.stderr += chunk),
    true
  )) as typeof process.stderr.write;
  try {
    const code = await main(['node', 'gradlab', ...args]);
    return { code, signal: null, ...out };
  } finally {
    process.stdout.write = write.stdout;
    process.stderr.write = write.stderr;
  }
}

/** Asserts that a failed command printed exactly one `gradlab: …` line and no stack trace. */
export function assertOneLine(r: CliResult): void {
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], /^gradlab: /);
  assert.doesNotMatch(r.stderr, /\n\s+at |internal error/);
}

/**
 * Writes the four IDX files of a small synthetic dataset (300 train / 100 test images of
 * side×side pixels, labels 0–2) into `dir`; `editTrainLabels` may damage the train labels.
 */
export function writeTinyIdxDataset(
  dir: string,
  side = 8,
  editTrainLabels?: (labels: Uint8Array) => void,
): void {
  mkdirSync(dir, { recursive: true });
  const parts = { train: syntheticImages(300, 1, side), t10k: syntheticImages(100, 2, side) };
  for (const [prefix, ds] of Object.entries(parts)) {
    const labels = ds.labels.slice();
    if (prefix === 'train') editTrainLabels?.(labels);
    writeFileSync(
      join(dir, `${prefix}-images-idx3-ubyte`),
      encodeIdx([ds.count, ds.rows, ds.cols], ds.images),
    );
    writeFileSync(join(dir, `${prefix}-labels-idx1-ubyte`), encodeIdx([ds.count], labels));
  }
}
