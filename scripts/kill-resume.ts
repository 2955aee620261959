/**
 * Kill-and-resume stress test of `gradlab train` checkpoints: a killed run resumes bit for bit.
 *
 * Trains two small configs on a synthetic 8×8 IDX data set (300 train / 100 test images) once
 * each without interruption, then K times: starts the run, SIGKILLs it at a seeded random moment
 * (a random epoch line, then a random part of an epoch's time), and resumes it (`--resume`, or a fresh start when the
 * kill came before the first checkpoint) until it completes, killing again on the way with
 * probability ½ each time (at most MAX_KILLS kills per run). At every kill, every file of the
 * run folder is read back: the checkpoint must decode (decodeCheckpoint), a model must load,
 * metrics.json must parse. At the end each run's model.safetensors must be byte-identical to the
 * uninterrupted run's, and its metrics.csv (the loss of every iteration) too.
 *
 * Configs: the book's (two-layer, SGD, batches drawn with replacement) and a stateful one
 * (multi-layer 8,8, Adam, dropout, weight decay, shuffled epochs, a validation split), so the
 * checkpoint's optimizer buffers, shuffle order and dropout generator are all exercised.
 *
 *   tsx scripts/kill-resume.ts [--runs K=20] [--seed S=1] [--iters N=600] [--backend wasm|js]
 *
 * Exit code 1 when any run ends different, any file read at a kill is unreadable, or a run fails.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng, type Rng } from '../src/tensor/rng.js';
import { decodeCheckpoint } from '../src/train/checkpoint.js';
import { loadModel } from '../src/train/model-file.js';
import { writeTinyIdxDataset } from '../test/cli/cli-harness.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const MAX_KILLS = 4;

interface Args {
  runs: number;
  seed: number;
  iters: number;
  backend: 'wasm' | 'js';
}

function parseArgs(argv: readonly string[]): Args {
  const get = (flag: string, fallback: string): string => {
    const i = argv.indexOf(flag);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
  };
  const int = (flag: string, fallback: number): number => {
    const v = Number(get(flag, String(fallback)));
    if (!Number.isSafeInteger(v) || v < 0)
      throw new RangeError(`${flag}: expected an integer ≥ 0, got ${get(flag, '')}`);
    return v;
  };
  const backend = get('--backend', 'wasm');
  if (backend !== 'wasm' && backend !== 'js')
    throw new RangeError(`--backend: expected wasm or js, got ${backend}`);
  return {
    runs: int('--runs', 20),
    seed: int('--seed', 1),
    iters: Math.max(1, int('--iters', 600)),
    backend,
  };
}

/** One finished or killed `gradlab` process. */
interface Attempt {
  readonly code: number | null;
  readonly killed: boolean;
  readonly stdout: string;
  readonly stderr: string;
  /** Milliseconds from the `training …` line to the exit (NaN if the line never came). */
  readonly trainingMs: number;
}

/**
 * Where to kill: once the process has printed the line of epoch ⌊fraction · (epochs + 1)⌋ (or a
 * later one, for a resumed run that is past it), `delayMs` later: so kills spread evenly over
 * the run, final writes included, whatever the machine's speed.
 */
interface KillPoint {
  readonly fraction: number;
  readonly delayMs: number;
}

const EPOCH_LINE = /^epoch +(\d+)\/(\d+) /gm;

/** Runs `gradlab ARGS`, SIGKILLing it at `kill` when given. */
function attempt(args: readonly string[], kill: KillPoint | null): Promise<Attempt> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GRADLAB_DEBUG: '' },
    });
    let stdout = '';
    let stderr = '';
    let started = NaN;
    let killed = false;
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (Number.isNaN(started) && /^training /m.test(stdout)) started = performance.now();
      if (kill === null || armed) return;
      for (const m of stdout.matchAll(EPOCH_LINE)) {
        if (Number(m[1]) < Math.floor(kill.fraction * (Number(m[2]) + 1))) continue;
        armed = true;
        setTimeout(() => {
          killed = child.exitCode === null && child.kill('SIGKILL');
        }, kill.delayMs);
        break;
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, killed, stdout, stderr, trainingMs: performance.now() - started }),
    );
  });
}

/** What reading back a run folder right after a kill found. */
interface FolderCheck {
  checkpointIteration: number | null;
  files: number;
  unreadable: string[];
  tempFiles: number;
}

/** Reads back every file of the run folder the way gradlab would. */
function checkFolder(dir: string): FolderCheck {
  const result: FolderCheck = { checkpointIteration: null, files: 0, unreadable: [], tempFiles: 0 };
  if (!existsSync(dir)) return result;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name.startsWith('.') && name.endsWith('.tmp')) {
      result.tempFiles++;
      continue;
    }
    result.files++;
    try {
      const bytes = readFileSync(path);
      if (name === 'checkpoint.safetensors')
        result.checkpointIteration = decodeCheckpoint(bytes, path).state.iteration;
      else if (name === 'model.safetensors') loadModel(bytes, path);
      else if (name === 'metrics.json') JSON.parse(bytes.toString('utf8'));
      else if (name === 'metrics.csv' && !bytes.toString('utf8').endsWith('\n'))
        throw new Error('no final newline');
    } catch (e) {
      result.unreadable.push(`${path}: ${(e as Error).message}`);
    }
  }
  return result;
}

interface Config {
  readonly name: string;
  readonly flags: readonly string[];
}

const CONFIGS: readonly Config[] = [
  { name: 'book', flags: ['--hidden', '8', '--batch-size', '20'] },
  {
    name: 'stateful',
    flags: [
      ...['--model', 'multi-layer', '--hidden', '8,8', '--optimizer', 'adam', '--dropout', '0.1'],
      ...['--weight-decay', '0.001', '--sampling', 'shuffle', '--validation', '0.1'],
      ...['--batch-size', '20'],
    ],
  },
];

interface Baseline {
  readonly model: Buffer;
  readonly csv: Buffer;
  /** Milliseconds per epoch line of the uninterrupted run. */
  readonly epochMs: number;
}

interface RunReport {
  kills: number;
  resumes: number;
  restarts: number;
  killedAt: string[];
  identical: boolean;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const root = mkdtempSync(join(tmpdir(), 'gradlab-kill-resume-'));
  const data = join(root, 'data');
  writeTinyIdxDataset(data);
  const common = ['--no-charts', '--no-progress', '--backend', args.backend];
  const fresh = (c: Config, out: string): string[] => [
    'train',
    ...['--data', data, '--iters', String(args.iters), '--out', out],
    ...c.flags,
    ...common,
  ];
  console.log(
    `kill-and-resume: ${args.runs} runs, seed ${args.seed}, ${args.iters} iterations, ${args.backend} backend, folder ${root}`,
  );
  const baselines: Baseline[] = [];
  for (const c of CONFIGS) {
    const out = join(root, `whole-${c.name}`);
    const a = await attempt(fresh(c, out), null);
    if (a.code !== 0) throw new Error(`uninterrupted ${c.name} run failed: ${a.stderr}`);
    const epochs = [...a.stdout.matchAll(EPOCH_LINE)].length;
    baselines.push({
      model: readFileSync(join(out, 'model.safetensors')),
      csv: readFileSync(join(out, 'metrics.csv')),
      epochMs: a.trainingMs / epochs,
    });
    console.log(
      `uninterrupted ${c.name}: ${a.trainingMs.toFixed(0)} ms after its training line, ${epochs} epoch lines`,
    );
  }

  const rng: Rng = createRng(args.seed);
  const totals = {
    files: 0,
    checkpoints: 0,
    unreadable: [] as string[],
    tempFiles: 0,
    failures: 0,
  };
  const reports: RunReport[] = [];
  console.log(
    'run  config    kills  resumes  restarts  checkpoint iteration at each kill    final model',
  );
  for (let k = 1; k <= args.runs; k++) {
    const c = CONFIGS[(k - 1) % CONFIGS.length];
    const base = baselines[(k - 1) % CONFIGS.length];
    const dir = join(root, `run-${k}`);
    const report: RunReport = { kills: 0, resumes: 0, restarts: 0, killedAt: [], identical: false };
    for (let n = 0; ; n++) {
      const resume = existsSync(join(dir, 'checkpoint.safetensors'));
      if (n > 0) report[resume ? 'resumes' : 'restarts']++;
      const kill = report.kills < MAX_KILLS && (n === 0 || rng.next() < 0.5);
      const point = kill ? { fraction: rng.next(), delayMs: rng.next() * base.epochMs } : null;
      const a = await attempt(
        resume ? ['train', '--resume', dir, ...common] : fresh(c, dir),
        point,
      );
      if (a.killed) {
        report.kills++;
        const check = checkFolder(dir);
        totals.files += check.files;
        totals.checkpoints += check.checkpointIteration === null ? 0 : 1;
        totals.unreadable.push(...check.unreadable);
        report.killedAt.push(
          check.checkpointIteration === null ? '–' : String(check.checkpointIteration),
        );
        continue;
      }
      if (a.code !== 0) {
        totals.failures++;
        console.log(`  run ${k}: exit ${a.code}: ${a.stderr.trim()}`);
      }
      break;
    }
    totals.tempFiles += checkFolder(dir).tempFiles;
    const model = join(dir, 'model.safetensors');
    report.identical =
      existsSync(model) &&
      readFileSync(model).equals(base.model) &&
      readFileSync(join(dir, 'metrics.csv')).equals(base.csv);
    reports.push(report);
    console.log(
      `${String(k).padStart(3)}  ${c.name.padEnd(8)}  ${String(report.kills).padStart(5)}  ${String(report.resumes).padStart(7)}  ${String(report.restarts).padStart(8)}  ${report.killedAt.join(', ').padEnd(35)}  ${report.identical ? 'identical' : 'DIFFERENT'}`,
    );
  }
  const sum = (key: 'kills' | 'resumes' | 'restarts'): number =>
    reports.reduce((s, r) => s + r[key], 0);
  const identical = reports.filter((r) => r.identical).length;
  console.log(
    `kills ${sum('kills')}, resumes ${sum('resumes')}, fresh restarts ${sum('restarts')} (killed before the first checkpoint); ` +
      `final model and loss history identical to the uninterrupted run: ${identical}/${reports.length}, different ${reports.length - identical}; ` +
      `files read back at kills ${totals.files} (checkpoints ${totals.checkpoints}), unreadable ${totals.unreadable.length}; ` +
      `temporary files left in the finished run folders ${totals.tempFiles}; failed runs ${totals.failures}`,
  );
  for (const u of totals.unreadable.slice(0, 10)) console.log(`  unreadable: ${u}`);
  if (identical < reports.length || totals.unreadable.length > 0 || totals.failures > 0) {
    console.log(`kept ${root} for inspection`);
    process.exitCode = 1;
  } else {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
