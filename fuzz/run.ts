/**
 * Fuzz driver for every reader of outside data (IDX raw and gzip, safetensors, PNG) and for the
 * CLI's option parsing (cli-options: argv arrays, see cli-options.ts).
 *
 *   tsx fuzz/run.ts [--runs N] [--seed S] [--only idx-raw|idx-gzip|safetensors|png|cli-options] [--case I]
 *
 * Each target runs N seeded cases in a worker thread. Case i of a target is generated from
 * createRng(seed · 1000003 + i) alone, so `--only NAME --case I` replays exactly one input.
 * Outcomes: clean error (the reader's typed error), accepted (a consistent result), crash (any
 * other exception, or an inconsistent result), hang (a case over 1 s; a case still running after
 * 10 s is killed, counted, and the target resumes after it). Exit code 1 on any crash or hang.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createRng } from '../src/tensor/rng.js';
import { TARGETS, type FuzzTarget } from './targets.js';

const HANG_MS = 1000;
const KILL_MS = 10_000;
const DEFAULT_RUNS = 40_000;

type Outcome = 'clean' | 'accepted' | 'crash' | 'hang';

/**
 * Shared counters, one Int32 slot each: the running case, the four outcomes, the slowest case in
 * µs, and the worker's peak memory (JS heap + array buffers, this thread only) in MiB.
 */
const SLOT = {
  current: 0,
  clean: 1,
  accepted: 2,
  crash: 3,
  hang: 4,
  slowestMicros: 5,
  peakMiB: 6,
} as const;
const SLOTS = 7;

interface Job {
  readonly target: string;
  readonly seed: number;
  readonly from: number;
  readonly to: number;
  /** Counters shared with the main thread, so they survive a worker killed mid-case. */
  readonly counters: SharedArrayBuffer;
}

// The worker runs this same TypeScript file: register tsx's loader in it first, then import us.
const WORKER_BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;

function caseInput(target: FuzzTarget, seed: number, i: number): Uint8Array {
  return target.generate(createRng(seed * 1000003 + i));
}

/** Reads one input and classifies what happened. */
function runCase(
  target: FuzzTarget,
  bytes: Uint8Array,
): { outcome: Outcome; ms: number; note: string } {
  const t0 = performance.now();
  let outcome: Outcome;
  let note = '';
  try {
    const problem = target.read(bytes);
    outcome = problem === undefined ? 'accepted' : 'crash';
    note = problem ?? '';
  } catch (e) {
    const clean = target.cleanErrors.some((type) => e instanceof type);
    outcome = clean ? 'clean' : 'crash';
    if (!clean) note = e instanceof Error ? `${e.name}: ${e.message}` : `thrown ${String(e)}`;
  }
  const ms = performance.now() - t0;
  if (ms > HANG_MS)
    return { outcome: 'hang', ms, note: `took ${ms.toFixed(0)} ms (${bytes.length} bytes)` };
  return { outcome, ms, note };
}

function workerMain(job: Job): void {
  const target = TARGETS.find((t) => t.name === job.target);
  if (target === undefined) throw new Error(`unknown target ${job.target}`);
  const counters = new Int32Array(job.counters);
  for (let i = job.from; i < job.to; i++) {
    Atomics.store(counters, SLOT.current, i);
    const { outcome, ms, note } = runCase(target, caseInput(target, job.seed, i));
    Atomics.add(counters, SLOT[outcome], 1);
    const micros = Math.min(2 ** 31 - 1, Math.round(ms * 1000));
    if (micros > counters[SLOT.slowestMicros]) Atomics.store(counters, SLOT.slowestMicros, micros);
    if (note !== '') parentPort?.postMessage(`case ${i}: ${note.slice(0, 200)}`);
    if (i % 16 === 0) {
      const m = process.memoryUsage(); // heapUsed and arrayBuffers are per thread in a worker
      const mib = Math.ceil((m.heapUsed + m.arrayBuffers) / 2 ** 20);
      if (mib > counters[SLOT.peakMiB]) Atomics.store(counters, SLOT.peakMiB, mib);
    }
  }
}

/** Runs cases [from, to) in a worker; resolves when done, or with the index of a case stuck past KILL_MS. */
function runWorker(job: Job, notes: string[]): Promise<number | undefined> {
  const worker = new Worker(WORKER_BOOT, { eval: true, workerData: job });
  const counters = new Int32Array(job.counters);
  return new Promise((resolve, reject) => {
    let last = -1;
    let since = Date.now();
    let killed: number | undefined;
    const timer = setInterval(() => {
      const now = Atomics.load(counters, SLOT.current);
      if (now !== last) [last, since] = [now, Date.now()];
      else if (Date.now() - since > KILL_MS && killed === undefined) {
        killed = now;
        void worker.terminate();
      }
    }, 250);
    worker.on('message', (note: string) => notes.push(note));
    worker.once('exit', () => {
      clearInterval(timer);
      resolve(killed);
    });
    worker.once('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
  });
}

function parseArgs(argv: string[]): { runs: number; seed: number; only?: string; replay?: number } {
  const get = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const int = (flag: string, fallback: number): number => {
    const v = get(flag);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 0)
      throw new RangeError(`${flag}: expected a non-negative integer, got ${v}`);
    return n;
  };
  const replay = get('--case');
  return {
    runs: int('--runs', DEFAULT_RUNS),
    seed: int('--seed', 1),
    only: get('--only'),
    replay: replay === undefined ? undefined : int('--case', 0),
  };
}

async function main(): Promise<void> {
  const { runs, seed, only, replay } = parseArgs(process.argv.slice(2));
  const targets = TARGETS.filter((t) => only === undefined || t.name === only);
  if (targets.length === 0)
    throw new RangeError(
      `--only: expected one of ${TARGETS.map((t) => `'${t.name}'`).join(', ')}, got '${only}'`,
    );
  if (replay !== undefined) {
    for (const t of targets) {
      const bytes = caseInput(t, seed, replay);
      const r = runCase(t, bytes);
      console.log(
        `${t.name} case ${replay} (${t.describe?.(bytes) ?? `${bytes.length} bytes`}): ${r.outcome} in ${r.ms.toFixed(2)} ms ${r.note}`,
      );
    }
    return;
  }
  console.log(`fuzzing ${targets.length} readers, ${runs} inputs each, seed ${seed}`);
  const widths = [12, 8, 13, 10, 7, 6, 12, 9, 10];
  const header = [
    'reader',
    'inputs',
    'clean error',
    'accepted',
    'crash',
    'hang',
    'slowest ms',
    'seconds',
    'peak MiB',
  ];
  const line = (cells: (string | number)[]): string =>
    cells
      .map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i])))
      .join(' ');
  console.log(line(header));
  let failed = false;
  for (const t of targets) {
    const counters = new Int32Array(new SharedArrayBuffer(4 * SLOTS));
    const notes: string[] = [];
    const t0 = performance.now();
    for (let from = 0; from < runs;) {
      const stuck = await runWorker(
        { target: t.name, seed, from, to: runs, counters: counters.buffer as SharedArrayBuffer },
        notes,
      );
      if (stuck === undefined) break;
      counters[SLOT.hang]++;
      notes.push(`case ${stuck}: still running after ${KILL_MS} ms, killed`);
      from = stuck + 1;
    }
    const c = (k: keyof typeof SLOT): number => counters[SLOT[k]];
    const secs = (performance.now() - t0) / 1000;
    console.log(
      line([
        t.name,
        runs,
        c('clean'),
        c('accepted'),
        c('crash'),
        c('hang'),
        (c('slowestMicros') / 1000).toFixed(1),
        secs.toFixed(1),
        c('peakMiB'),
      ]),
    );
    for (const n of notes.slice(0, 5)) console.log(`    ${n}`);
    if (notes.length > 5) console.log(`    … and ${notes.length - 5} more`);
    failed ||= c('crash') + c('hang') > 0;
  }
  if (failed) process.exitCode = 1;
}

if (isMainThread) {
  await main();
} else {
  workerMain(workerData as Job);
}
