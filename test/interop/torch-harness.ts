/** Helpers for the tests that run real PyTorch: a tiny MNIST folder and a bounded python3 call. */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeIdx } from '../../src/data/idx.js';
import { loadDataset } from '../../src/platform/node/datasets.js';

/** Debian's python3 with torch 1.13 (the python3 first on PATH may lack torch). */
export const PYTHON = '/usr/bin/python3';

/**
 * Whether torch imports. In CI (CI=true) a missing torch fails the test instead of skipping it:
 * `.ci/run` installs python3-torch, so the PyTorch tests must run there.
 */
export function torchAvailable(): boolean {
  const r = spawnSync(PYTHON, ['-c', 'import torch'], { timeout: 60_000, encoding: 'utf8' });
  const ok = r.status === 0;
  if (!ok && process.env.CI === 'true') {
    assert.fail(
      `torch is required in CI: ${PYTHON} -c 'import torch' failed: ${r.stderr ?? r.error}`,
    );
  }
  return ok;
}

/** The reason to skip when torch is missing (outside CI), or false to run. */
export const skipWithoutTorch = (): string | false =>
  torchAvailable()
    ? false
    : `${PYTHON} has no torch (apt-get install python3-torch libopenblas0-pthread)`;

/** Runs `python3 ARGS` with a time limit; fails the test with its stderr unless it exits 0. */
export function python(args: readonly string[], timeoutMs: number, cwd?: string): string {
  const r = spawnSync(PYTHON, [...args], {
    cwd,
    timeout: timeoutMs,
    encoding: 'utf8',
    env: { ...process.env, OMP_NUM_THREADS: '1', PYTHONDONTWRITEBYTECODE: '1' },
  });
  assert.equal(
    r.status,
    0,
    `python3 ${args.join(' ')} exited ${r.status} (signal ${r.signal}${r.error ? `, ${r.error.message}` : ''})\n${r.stdout}\n${r.stderr}`,
  );
  return r.stdout;
}

/** A fresh temporary folder. */
export const tempDir = (prefix: string): string =>
  mkdtempSync(join(tmpdir(), `gradlab-${prefix}-`));

let tiny: string | undefined;

/**
 * A folder with the first `train` training and `test` test images of MNIST as raw IDX files
 * (made once per process), so the PyTorch runs stay short.
 */
export function tinyMnist(train = 2000, test = 500): string {
  if (tiny !== undefined && existsSync(tiny)) return tiny;
  const ds = loadDataset('mnist');
  const dir = tempDir('tiny-mnist');
  mkdirSync(dir, { recursive: true });
  const write = (name: string, split: typeof ds.train, n: number) => {
    const px = split.rows * split.cols;
    writeFileSync(
      join(dir, `${name}-images-idx3-ubyte`),
      encodeIdx([n, split.rows, split.cols], split.images.slice(0, n * px)),
    );
    writeFileSync(join(dir, `${name}-labels-idx1-ubyte`), encodeIdx([n], split.labels.slice(0, n)));
  };
  write('train', ds.train, train);
  write('t10k', ds.test, test);
  tiny = dir;
  return dir;
}

/** What a bounded `gradlab` child process left. */
export interface GradlabResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `gradlab ARGS` (src/cli/main.ts through tsx) with a time limit. */
export function gradlab(args: readonly string[], timeoutMs = 120_000): GradlabResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    timeout: timeoutMs,
    encoding: 'utf8',
    env: { ...process.env, GRADLAB_DEBUG: '' },
  });
  if (r.error !== undefined) assert.fail(`gradlab ${args.join(' ')}: ${r.error.message}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A TCP port that was free a moment ago (for the DDP rendezvous). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A seeded CSV of 300 rows: features a ~ N(10, 3²), b ~ N(−5, 0.5²), c ~ U(0, 100) (far from
 * standardised), y = 2a − 3b + 0.05c + noise and its class kind = 'hi' when y > 38, else 'lo'.
 */
export function tableCsv(dir: string): string {
  let s = 12345;
  const u = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) + 0.5) / 2 ** 31;
  const g = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const lines = ['a,b,c,y,kind'];
  for (let i = 0; i < 300; i++) {
    const [a, b, c] = [10 + 3 * g(), -5 + 0.5 * g(), 100 * u()];
    const y = 2 * a - 3 * b + 0.05 * c + g();
    lines.push([a, b, c, y].map((v) => v.toFixed(3)).join(',') + `,${y > 38 ? 'hi' : 'lo'}`);
  }
  const path = join(dir, 'table.csv');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** Runs `python3 ARGS` with extra environment variables, without blocking, killed after `timeoutMs`. */
export function pythonAsync(
  args: readonly string[],
  env: Record<string, string>,
  timeoutMs: number,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [...args], {
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
