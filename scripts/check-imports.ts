/**
 * Checks the direction of imports between gradlab's folders, type imports included:
 *
 *   backend ← tensor ← functions, losses, numerical, graph ← layers, heads ← models ← optim, interop
 *     ← train ← platform, cli, web
 *
 * (a folder may import from its own rank or any rank to its left), plus four rules: optim/,
 * data/ and io/ import only tensor/, plot/ imports nothing of the library; only tensor/
 * and the entry points (cli/, platform/, web/, src/index.ts) import backend/, so layers and models
 * never see one (the types DType and FloatArray come from tensor/tensor.ts); only cli/, platform/
 * and web/ import `node:*` (or a bare Node built-in); web/ reaches the library only through its
 * public entry, `gradlab` (src/index.ts), never a deep path.
 *
 * Usage: tsx scripts/check-imports.ts [--graph]
 * Prints one line per broken rule and exits 1 if there is any; --graph prints the folder graph.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, normalize, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sourceFiles } from './check-outside-refs.js';

/**
 * The rank of each part of the tree: an import may go to the same or a lower rank only.
 * data and io sit on tensor (optim and data depend only on tensor); plot depends on nothing;
 * experiments compose the library for the CLI and the gallery; interop (ONNX, PyTorch state dicts)
 * reads and writes networks, so it sits beside optim, above models.
 */
export const RANKS: Readonly<Record<string, number>> = {
  backend: 0,
  tensor: 1,
  functions: 2,
  losses: 2,
  numerical: 2,
  graph: 2,
  data: 2,
  io: 2,
  plot: 2,
  layers: 3,
  heads: 3,
  models: 4,
  interop: 5,
  optim: 5,
  train: 6,
  experiments: 7,
  platform: 8,
  cli: 8,
  web: 8,
  index: 8,
};

/** Parts that stand on tensor/ alone (or on nothing), whatever their rank: STYLE's leaves. */
const ONLY: Readonly<Record<string, readonly string[]>> = {
  optim: ['tensor'],
  data: ['tensor'],
  io: ['tensor'],
  plot: [],
};

/** The parts that may import backend/: the tensor ops that call it and the entry points. */
const BACKEND_USERS = new Set(['tensor', 'cli', 'platform', 'web', 'index']);
/** Parts allowed to import Node built-ins. */
const NODE_ALLOWED = new Set(['cli', 'platform', 'web']);
const NODE_BUILTINS = new Set(builtinModules);

/** One import found in a file: the specifier and the 1-based line it ends on. */
export interface ImportRef {
  readonly specifier: string;
  readonly line: number;
}

/**
 * The import and re-export specifiers of a TypeScript file, type-only ones included, plus
 * dynamic `import('…')` calls. Static imports are read at the start of a line (which a doc
 * comment's ` * ` never is).
 * @example
 * importsOf("import type { A } from './a.js';\nexport { b } from '../b.js';").map((i) => i.specifier); // → ['./a.js', '../b.js']
 */
export function importsOf(text: string): ImportRef[] {
  const out: { specifier: string; at: number }[] = [];
  const statics = /^(?:import|export)\b[^;'"]*?(?:\bfrom\s*)?['"]([^'"\n]+)['"]/gm;
  for (const m of text.matchAll(statics)) out.push({ specifier: m[1], at: m.index + m[0].length });
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g))
    out.push({ specifier: m[1], at: m.index });
  return out
    .sort((a, b) => a.at - b.at)
    .map(({ specifier, at }) => ({ specifier, line: text.slice(0, at).split('\n').length }));
}

/** The part of the tree a repository path belongs to (src/<folder>/…, src/index.ts, web/…). */
export function partOf(path: string): string | undefined {
  const parts = normalize(path).split(/[\\/]/);
  if (parts[0] === 'web') return 'web';
  if (parts[0] !== 'src') return undefined;
  if (parts.length === 2) return parts[1].replace(/\.ts$/, '');
  return parts[1];
}

/** One broken rule: where, and what. */
export interface ImportProblem {
  readonly path: string;
  readonly line: number;
  readonly message: string;
}

/**
 * The broken rules in one file (path relative to the repository root).
 * @example
 * checkFile('src/optim/sgd.ts', "import type { Params } from '../models/network.js';")[0].message; // → 'optim imports models (src/models/network.ts): optim/ depends on tensor only'
 */
export function checkFile(path: string, text: string): ImportProblem[] {
  const from = partOf(path);
  if (from === undefined) return [];
  const problems: ImportProblem[] = [];
  for (const { specifier, line } of importsOf(text)) {
    const problem = (message: string) => problems.push({ path, line, message });
    if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0])) {
      if (!NODE_ALLOWED.has(from))
        problem(
          `${from} imports ${specifier}: only cli/, platform/ and web/ import Node built-ins`,
        );
      continue;
    }
    if (from === 'web' && specifier.startsWith('gradlab/')) {
      problem(`web imports ${specifier}: web/ uses the library through its public entry, gradlab`);
      continue;
    }
    if (!specifier.startsWith('.')) continue;
    const target = normalize(join(dirname(path), specifier)).replace(/\.js$/, '.ts');
    const to = partOf(target);
    if (from === 'web') {
      if (target.startsWith('src/') && target !== 'src/index.ts')
        problem(`web imports ${target}: web/ uses the library through its public entry, gradlab`);
      continue;
    }
    if (to === undefined || to === from) continue;
    if (to === 'backend' && !BACKEND_USERS.has(from))
      problem(
        `${from} imports backend (${target}): only tensor/ and the entry points import a backend ` +
          '(DType and FloatArray come from tensor/tensor.ts)',
      );
    else if (ONLY[from] !== undefined && !ONLY[from].includes(to))
      problem(
        `${from} imports ${to} (${target}): ${from}/ depends on ${ONLY[from].join(', ') || 'nothing'} only`,
      );
    else if (RANKS[to] === undefined || RANKS[from] === undefined)
      problem(`${from} imports ${to} (${target}): a folder without a rank; add it to RANKS`);
    else if (RANKS[to] > RANKS[from])
      problem(`${from} imports ${to} (${target}): an upward edge (${to} sits above ${from})`);
  }
  return problems;
}

/** The folder-to-folder import counts, `from → to: n`, for --graph. */
function folderGraph(files: readonly string[]): string[] {
  const edges = new Map<string, number>();
  for (const path of files) {
    const from = partOf(path);
    for (const { specifier } of importsOf(readFileSync(path, 'utf8'))) {
      if (!specifier.startsWith('.')) continue;
      const to = partOf(normalize(join(dirname(path), specifier)));
      if (from === undefined || to === undefined || to === from) continue;
      const key = `${from} → ${to}`;
      edges.set(key, (edges.get(key) ?? 0) + 1);
    }
  }
  return [...edges].sort().map(([k, n]) => `${k}: ${n}`);
}

function main(args: readonly string[]): number {
  const root = relative(process.cwd(), join(dirname(new URL(import.meta.url).pathname), '..'));
  const files = ['src', 'web']
    .flatMap((d) => sourceFiles(join(root, d)))
    .filter((p) => /\.ts$/.test(p))
    .map((p) => relative(root, p));
  if (args.includes('--graph')) {
    for (const e of folderGraph(files.map((f) => join(root, f)))) console.log(e);
    return 0;
  }
  const problems = files.flatMap((f) => checkFile(f, readFileSync(join(root, f), 'utf8')));
  for (const p of problems) console.error(`${p.path}:${p.line}: ${p.message}`);
  if (problems.length > 0) {
    console.error(`check-imports: ${problems.length} import(s) break the dependency direction`);
    return 1;
  }
  console.log(`check-imports: ${files.length} files follow the dependency direction`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = main(process.argv.slice(2));
}
