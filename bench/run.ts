/**
 * `npm run bench`: the standard experiment (TwoLayerNet 784-50-10 on MNIST, batch 100, lr 0.1,
 * 10,000 iterations, with and without its evaluations) timed for gradlab's WASM and JS
 * backends, the book-style and all-float32 NumPy scripts (when python3 has NumPy), TensorFlow.js
 * on its WASM and CPU backends, and the numerical gradient, all in one run and one after the
 * other, each in its own process (so each row's peak memory is its own). Prints the table, the
 * ratios and the speed targets of bench/bench-targets.ts with PASS/MISS.
 *
 * Usage: tsx bench/run.ts [--quick | --full] [--repeat N]
 *   default: gradlab WASM and NumPy at full length, gradlab JS on 1,000 iterations and
 *     TensorFlow.js on a few hundred, extrapolated (about 2–3 minutes on 2 cores);
 *   --quick: every run short and extrapolated, no numerical gradient (a smoke run, ~30 s);
 *   --full: gradlab JS at full length too, TensorFlow.js on more iterations, the CPU backend's
 *     evaluation, the plain numerical-gradient loop on every parameter;
 *   --repeat N: each gradlab and NumPy row N times, the fastest kept (for a busy machine).
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fastest, gradlabRow, ROOT, tfjsRows } from './bench-children.js';
import { bookRow, f32Row, numpyVersion } from './numpy-rows.js';
import { torchRow, torchVersion } from './torch-rows.js';
import { checkPerfTargets } from './perf-targets.js';
import { sparseBench } from './sparse-bench.js';
import { formatBenchTable, type BenchRow } from './bench-report.js';
import { checkTargets, formatTargets, type NumericalGradientFigures } from './bench-targets.js';

/** How much the bench runs. */
export type BenchMode = 'quick' | 'default' | 'full';

/** Iterations per child run in each mode (see the file comment). */
export interface BenchPlan {
  readonly wasm: { readonly withEval: number; readonly withoutEval: number };
  readonly js: { readonly withEval: number; readonly withoutEval: number };
  readonly numpy: { readonly withEval: number; readonly withoutEval: number };
  readonly tfjsWasm: number;
  /** PyTorch iterations (with evaluations), extrapolated to 10,000. */
  readonly torch: number;
  /** TensorFlow.js CPU iterations, and whether it times an evaluation pass (~15 s). */
  readonly tfjsCpu: { readonly iterations: number; readonly evaluate: boolean };
  /** false: skip; else the options of bench/numerical-gradient.ts. */
  readonly numerical: false | { readonly repeat: number; readonly full: boolean };
}

/**
 * The runs of a mode. With evaluations, 600 iterations make 2 passes (iterations 0 and 600) and
 * 1,200 make 3, so an extrapolated row has timed more than one evaluation.
 * @example planFor('quick').wasm.withEval; // 1200
 */
export function planFor(mode: BenchMode): BenchPlan {
  if (mode === 'quick') {
    return {
      wasm: { withEval: 1200, withoutEval: 1000 },
      js: { withEval: 300, withoutEval: 300 },
      numpy: { withEval: 1200, withoutEval: 1000 },
      tfjsWasm: 100,
      torch: 1200,
      tfjsCpu: { iterations: 10, evaluate: false },
      numerical: false,
    };
  }
  const full = mode === 'full';
  return {
    wasm: { withEval: 10_000, withoutEval: 10_000 },
    js: full ? { withEval: 10_000, withoutEval: 10_000 } : { withEval: 600, withoutEval: 1000 },
    numpy: { withEval: 10_000, withoutEval: 10_000 },
    tfjsWasm: full ? 2000 : 300,
    torch: full ? 10_000 : 1200,
    tfjsCpu: { iterations: full ? 200 : 40, evaluate: full },
    numerical: { repeat: 5, full },
  };
}

/** The numerical gradient through bench/numerical-gradient.ts (another module), if it is there. */
async function numericalFigures(
  plan: BenchPlan['numerical'],
  withNumpy: boolean,
): Promise<{ figures: NumericalGradientFigures | string; table: string | null }> {
  const file = join(ROOT, 'bench', 'numerical-gradient.ts');
  if (plan === false) return { figures: 'skipped (--quick)', table: null };
  if (!existsSync(file)) return { figures: 'bench/numerical-gradient.ts is missing', table: null };
  process.stderr.write('bench: numerical gradient (bench/numerical-gradient.ts)…\n');
  const mod = (await import(pathToFileURL(file).href)) as {
    benchNumericalGradient(o: {
      repeat: number;
      full: boolean;
      numpy: boolean;
      threads: number;
    }): Promise<{
      fastSeconds: number;
      numpySeconds: number | null;
      maxAbsDiff: number;
    }>;
    formatNumericalGradientTable(b: unknown): string;
  };
  // OpenBLAS on one thread: its products here are small, and its default threads spin on a busy
  // 2-core machine (see bookRow).
  const b = await mod.benchNumericalGradient({ ...plan, numpy: withNumpy, threads: 1 });
  if (typeof b?.fastSeconds !== 'number' || typeof b.maxAbsDiff !== 'number') {
    return {
      figures: 'bench/numerical-gradient.ts returned no fastSeconds/maxAbsDiff',
      table: null,
    };
  }
  return {
    figures: {
      gradlabSeconds: b.fastSeconds,
      numpySeconds: b.numpySeconds,
      maxAbsDiff: b.maxAbsDiff,
    },
    table: mod.formatNumericalGradientTable(b),
  };
}

/**
 * Runs the plan and prints the report. `repeat` > 1 runs each gradlab and NumPy row that many
 * times and keeps its fastest (a machine shared with other work slows runs, never speeds them).
 * @example await runBench('quick'); // prints the table and the targets
 */
export async function runBench(mode: BenchMode, repeat = 1): Promise<void> {
  const plan = planFor(mode);
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  const loadBefore = loadavg();
  const numpy = numpyVersion();
  const rows: BenchRow[] = [];
  for (const evaluate of [true, false]) {
    const it = (p: { withEval: number; withoutEval: number }) =>
      evaluate ? p.withEval : p.withoutEval;
    rows.push(
      fastest(repeat, () => gradlabRow('wasm', it(plan.wasm), evaluate)),
      fastest(repeat, () => gradlabRow('js', it(plan.js), evaluate)),
    );
    if (numpy !== null) {
      rows.push(
        fastest(repeat, () => bookRow(it(plan.numpy), evaluate)),
        fastest(repeat, () => f32Row(it(plan.numpy), evaluate)),
      );
    }
  }
  const torch = torchVersion();
  if ('version' in torch) {
    // Extrapolated from plan.torch iterations (with 2 evaluation passes); default threads are
    // stopped at 3× the 1-thread time (they spin on a busy 2-core machine).
    const one = torchRow(1, plan.torch, true);
    if (one !== null) rows.push(one);
    const limit = one === null ? undefined : 3 * (one.stepSeconds + one.evalSeconds) + 20;
    const all = torchRow(0, plan.torch, true, limit);
    if (all !== null) rows.push(all);
  }
  rows.push(...tfjsRows('wasm', plan.tfjsWasm, true));
  rows.push(...tfjsRows('cpu', plan.tfjsCpu.iterations, plan.tfjsCpu.evaluate));
  rows.sort((a, b) => Number(b.evaluations) - Number(a.evaluations));
  const numerical = await numericalFigures(plan.numerical, numpy !== null);
  const sparse = await sparseBench();
  const cpu = cpus();
  console.log(
    `# gradlab bench (${mode}${repeat > 1 ? `, fastest of ${repeat} runs per gradlab and NumPy row` : ''}): ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, Node ${process.versions.node}, ` +
      `NumPy ${numpy ?? 'not found (python3 with numpy missing: NumPy rows skipped)'}, ` +
      `${'version' in torch ? `PyTorch ${torch.version}` : torch.skip}\n` +
      `load average (1, 5, 15 min) before ${load(loadBefore)}, after ${load(loadavg())}\n`,
  );
  console.log(formatBenchTable(rows));
  console.log(
    '\nest.: extrapolated from the iterations and evaluation passes run (10,000 × step time + passes × time per pass).' +
      "\ngradlab evaluates 18 times (epochs 0–16 and the final accuracy at 10,000), the others 17 (the book's i % 600 == 0)." +
      '\nstep GFLOP/s: 15.98 MFLOP per iteration for every row (forward x·W1, h·W2; backward hᵀ·dy, dy·W2ᵀ, xᵀ·dh), ÷ time per iteration.' +
      '\npeak RSS: the child process (Node + tsx, or python3) that ran the row.',
  );
  if (numerical.table !== null) console.log(`\n${numerical.table}`);
  console.log(`\n${sparse.text}`);
  console.log(`\n## Targets\n${formatTargets(checkTargets(rows, numerical.figures))}`);
  console.log(`\n## Performance goals\n${formatTargets(checkPerfTargets(rows, sparse.figures))}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--repeat');
  const repeat = at >= 0 ? Number(argv[at + 1]) : 1;
  const rest = at >= 0 ? argv.filter((_, i) => i !== at && i !== at + 1) : argv;
  const unknown = rest.filter((a) => a !== '--quick' && a !== '--full');
  if (
    unknown.length > 0 ||
    (rest.includes('--quick') && rest.includes('--full')) ||
    !Number.isSafeInteger(repeat) ||
    repeat < 1
  ) {
    console.error(
      `bench: bad options '${argv.join(' ')}'; usage: tsx bench/run.ts [--quick | --full] [--repeat N ≥ 1]`,
    );
    process.exit(2);
  }
  const mode = rest.includes('--quick') ? 'quick' : rest.includes('--full') ? 'full' : 'default';
  await runBench(mode, repeat);
}
