/**
 * Doc-comment examples as tests: extracts every `@example` from the doc comments under src/ and
 * turns each into a small module that runs it. A line whose comment starts with `→` asserts its
 * value:
 *
 *   relu(tensor([-1, 2])).toArray(); // → [0, 2]
 *   const n = add(1, 2); // → 3           (a declaration asserts the declared name)
 *   resolveTrainOptions({ batchSize: 0 }); // → throws TrainOptionsError
 *   checkSize('Net', 'size', 1.5); // → throws ModelError: Net: size must be …   (the exact message)
 *
 * The expected value is a JavaScript expression. Numbers match to the digits printed
 * (0.5975 matches 0.5974999999999999); arrays match tensors (by toArray) and typed arrays
 * element by element; an object matches when every field it lists matches. Other comments are
 * prose and are not checked. An example with a comment holding `not run: <reason>` is skipped and
 * counted (it needs files, a DOM, a trained network, …). An example sees every export of
 * gradlab (src/index.ts) and of its own module; `import … from 'gradlab'` lines work too.
 *
 * Usage: tsx scripts/doctest.ts [FILE ...]   (prints each failure and the counts; exit 1 on a failure)
 * The test suite runs the same examples through test/doctest.test.ts.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const GENERATED = new Set(['src/backend/wasm/kernels-wasm.ts']);

/** One `@example` block: where it is, its code lines and, if marked, why it does not run. */
export interface DocExample {
  /** Repository-relative path of the source file. */
  readonly file: string;
  /** 1-based line of the `@example` tag. */
  readonly line: number;
  /** 1-based line of the example's first code line (the tag's own line when code follows it). */
  readonly codeLine: number;
  /** The example's lines, with the comment's ` * ` prefix removed. */
  readonly code: readonly string[];
  /** The reason given by a `not run:` comment, or null when the example runs. */
  readonly skip: string | null;
}

/**
 * The `@example` blocks of one file's doc comments (an example ends at the next tag or at the
 * comment's end).
 * @example
 * extractExamples('a.ts', '/** Adds.\n * @example add(1, 2); // → 3\n *\/').map((e) => e.code); // → [['add(1, 2); // → 3']]
 */
export function extractExamples(file: string, text: string): DocExample[] {
  const out: DocExample[] = [];
  for (const m of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const startLine = text.slice(0, m.index).split('\n').length;
    const lines = m[1].split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
    for (let i = 0; i < lines.length; i++) {
      const tag = /^\s*@example\b ?(.*)$/.exec(lines[i]);
      if (tag === null) continue;
      const code = tag[1].trim() === '' ? [] : [tag[1]];
      let j = i + 1;
      for (; j < lines.length && !/^\s*@\w/.test(lines[j]); j++) code.push(lines[j]);
      while (code.length > 0 && code[code.length - 1].trim() === '') code.pop();
      const skip = code
        .map((l) => /\/\/.*?\bnot run:\s*(.*?)\)?\s*$/.exec(l))
        .find((r) => r !== null);
      out.push({
        file,
        line: startLine + i,
        codeLine: startLine + i + (tag[1].trim() === '' ? 1 : 0),
        code,
        skip: skip ? skip[1].trim() : null,
      });
      i = j - 1;
    }
  }
  return out;
}

/** Every example under src/ (generated files excluded), in file order. */
export function allExamples(root = ROOT): DocExample[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((e) =>
        e.isDirectory()
          ? walk(join(dir, e.name))
          : e.name.endsWith('.ts') && !GENERATED.has(join(dir, e.name))
            ? [join(dir, e.name)]
            : [],
      );
  return walk('src').flatMap((f) => extractExamples(f, readFileSync(join(root, f), 'utf8')));
}

/** Splits `code // comment` at the first `//` outside a string literal. */
function splitComment(line: string): { code: string; comment: string | null } {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '/' && line[i + 1] === '/')
      return { code: line.slice(0, i).trimEnd(), comment: line.slice(i + 2).trim() };
  }
  return { code: line, comment: null };
}

/**
 * The body of the module that runs an example: its `gradlab` imports (hoisted, pointed at
 * src/index.ts) and its statements, each `// → value` line turned into an assertion.
 */
export function exampleBody(ex: DocExample): { imports: string[]; body: string[] } {
  const imports: string[] = [];
  const body: string[] = [];
  const index = pathToFileURL(join(ROOT, 'src/index.ts')).href;
  ex.code.forEach((raw, k) => {
    const where = JSON.stringify(`${ex.file}:${ex.codeLine + k}`);
    if (/^\s*import\b/.test(raw)) {
      imports.push(raw.replace(/(['"])gradlab\1/, `'${index}'`));
      return;
    }
    const { code, comment } = splitComment(raw);
    const expected = comment !== null && comment.startsWith('→') ? comment.slice(1).trim() : null;
    if (expected === null) {
      body.push(code);
      return;
    }
    const stmt = code.replace(/;\s*$/, '');
    const thrown = /^throws\s+([A-Za-z_$][\w$]*)(?::\s*(.*))?$/.exec(expected);
    if (thrown !== null) {
      const message = thrown[2] === undefined ? 'null' : JSON.stringify(thrown[2]);
      body.push(
        `await __throws(async () => { ${stmt}; }, ${JSON.stringify(thrown[1])}, ${message}, ${where});`,
      );
      return;
    }
    const decl = /^(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=/.exec(stmt);
    if (decl !== null) body.push(`${stmt};`, `__eq(${decl[1]}, (${expected}), ${where});`);
    else body.push(`__eq(await (${stmt}), (${expected}), ${where});`);
  });
  return { imports, body };
}

/** Significant digits of a number as JavaScript prints it (0.5975 → 4, 1e-7 → 1, 100 → 3). */
function significantDigits(x: number): number {
  const mantissa = String(Math.abs(x)).split('e')[0].replace('.', '').replace(/^0+/, '');
  return Math.max(1, Math.min(17, mantissa.length));
}

/** Plain values from tensors and typed arrays, so that they compare with literals. */
function plain(v: unknown): unknown {
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as Float64Array);
  if (v !== null && typeof v === 'object' && 'toArray' in v && 'shape' in v) {
    const toArray = (v as { toArray: () => unknown }).toArray;
    if (typeof toArray === 'function') return toArray.call(v);
  }
  return v;
}

/** Where `actual` differs from `expected` (a path and both values), or null when it matches. */
export function mismatch(actual: unknown, expected: unknown, path = ''): string | null {
  const a = plain(actual);
  const e = plain(expected);
  if (typeof e === 'number' && typeof a === 'number') {
    if (Object.is(a, e) || (Number.isNaN(a) && Number.isNaN(e))) return null;
    if (Number.isFinite(a) && Number.isFinite(e)) {
      if (Number(a.toPrecision(significantDigits(e))) === e) return null;
    }
    return `${path || 'value'}: expected ${e}, got ${a}`;
  }
  if (Array.isArray(e)) {
    if (!Array.isArray(a)) return `${path || 'value'}: expected an array, got ${describe(a)}`;
    if (a.length !== e.length)
      return `${path || 'value'}: expected length ${e.length}, got ${a.length} (${describe(a)})`;
    for (let i = 0; i < e.length; i++) {
      const m = mismatch(a[i], e[i], `${path}[${i}]`);
      if (m !== null) return m;
    }
    return null;
  }
  if (e !== null && typeof e === 'object') {
    if (a === null || typeof a !== 'object')
      return `${path || 'value'}: expected an object, got ${describe(a)}`;
    for (const k of Object.keys(e)) {
      const m = mismatch(
        (a as Record<string, unknown>)[k],
        (e as Record<string, unknown>)[k],
        `${path}.${k}`,
      );
      if (m !== null) return m;
    }
    return null;
  }
  return Object.is(a, e) ? null : `${path || 'value'}: expected ${describe(e)}, got ${describe(a)}`;
}

function describe(v: unknown): string {
  try {
    return typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    return String(v);
  }
}

/** Throws unless `actual` matches `expected` (see mismatch). */
export function __eq(actual: unknown, expected: unknown, where: string): void {
  const m = mismatch(actual, expected);
  if (m !== null) throw new Error(`${where}: ${m}`);
}

/** Throws unless `run` throws an error of that name (and, when given, that message). */
export async function __throws(
  run: () => Promise<void>,
  name: string,
  message: string | null,
  where: string,
): Promise<void> {
  try {
    await run();
  } catch (e) {
    if (e instanceof Error && e.name === name && (message === null || e.message === message))
      return;
    const got = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    throw new Error(
      `${where}: expected ${name}${message === null ? '' : `: ${message}`}, got ${got}`,
    );
  }
  throw new Error(`${where}: expected ${name}, nothing was thrown`);
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

/**
 * Runs one example: writes its module under .tmp/doctest/ and imports it (TypeScript through
 * tsx). The example sees the exports of gradlab and of its own file; the active backend is put
 * back afterwards, so an example that switches backends does not leak into the next.
 */
export async function runExample(ex: DocExample, n: number): Promise<void> {
  const dir = join(ROOT, '.tmp/doctest');
  mkdirSync(dir, { recursive: true });
  const lib = pathToFileURL(join(ROOT, 'src/index.ts')).href;
  const own = pathToFileURL(join(ROOT, ex.file)).href;
  const self = pathToFileURL(fileURLToPath(import.meta.url)).href;
  const registry = pathToFileURL(join(ROOT, 'src/backend/registry.ts')).href;
  const { imports, body } = exampleBody(ex);
  const imported = new Set(
    imports.flatMap((l) =>
      [...(/\{([^}]*)\}/.exec(l)?.[1] ?? '').matchAll(/([\w$]+)\s*(?:,|$)/g)].map((m) => m[1]),
    ),
  );
  const names = [
    ...new Set([...Object.keys(await import(lib)), ...Object.keys(await import(own))]),
  ].filter((k) => IDENT.test(k) && !imported.has(k) && !k.startsWith('__'));
  const source = [
    `import * as __lib from '${lib}';`,
    `import * as __own from '${own}';`,
    `import { __eq, __throws } from '${self}';`,
    ...imports,
    `const { ${names.join(', ')} } = { ...__lib, ...__own } as Record<string, any>;`,
    'export async function run(): Promise<void> {',
    ...body,
    '}',
    '',
  ].join('\n');
  const path = join(dir, `example-${n}.ts`);
  writeFileSync(path, source);
  const { getBackend, setBackend } = (await import(registry)) as {
    getBackend: () => unknown;
    setBackend: (b: unknown) => void;
  };
  const before = getBackend();
  try {
    const mod = (await import(pathToFileURL(path).href)) as { run: () => Promise<void> };
    await mod.run();
  } catch (e) {
    const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    throw new Error(
      `${ex.file}:${ex.line}: the @example failed (${what}). An example runs as written, with ` +
        "gradlab's exports and its own module's in scope; make it true, or say `// not run: why`.",
    );
  } finally {
    setBackend(before);
  }
}

async function main(files: readonly string[]): Promise<number> {
  const examples = allExamples().filter(
    (e) =>
      files.length === 0 || files.some((f) => e.file === relative(ROOT, join(process.cwd(), f))),
  );
  let ran = 0;
  let failed = 0;
  const skipped = examples.filter((e) => e.skip !== null);
  for (const [n, ex] of examples.entries()) {
    if (ex.skip !== null) continue;
    ran++;
    try {
      await runExample(ex, n);
    } catch (e) {
      failed++;
      console.error(
        `${ex.file}:${ex.line}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
      );
    }
  }
  console.log(
    `doctest: ${examples.length} examples: ${ran - failed} passed, ${failed} failed, ${skipped.length} not run`,
  );
  return failed > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // Not a top-level await: the example modules import this file, which must finish loading first.
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
