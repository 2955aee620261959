/**
 * Fails when a source file points the reader at a document outside the repository: the house
 * style guide, a tracker issue by number, a study-note "seed" by number, a planning note. A
 * newcomer cannot open those; a comment should say what the reader needs, or point into docs/.
 *
 * Usage: tsx scripts/check-outside-refs.ts [DIR ...]   (default: the source folders below)
 * Prints one `path:line: text` per hit and exits 1 if there is any.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The folders whose files are scanned (docs/ is where references should point, not checked). */
export const SOURCE_DIRS = ['src', 'web', 'test', 'assembly', 'bench', 'scripts', 'fuzz'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'test-results', 'runs']);
const TEXT_FILE = /\.(ts|mts|mjs|js|html|css|py|json|md)$/;
/** Generated, not written by hand; and this file, whose patterns name what they look for. */
const SKIP_FILES = new Set(['src/backend/wasm/kernels-wasm.ts', 'scripts/check-outside-refs.ts']);

/** One kind of outside reference: a name for the report and the pattern that finds it. */
interface OutsideRef {
  readonly what: string;
  readonly pattern: RegExp;
}

const OUTSIDE_REFS: readonly OutsideRef[] = [
  { what: 'the house style guide', pattern: /\bSTYLE(\.md|\s+principle|\s*,\s*Tests)\b/ },
  { what: 'a tracker issue', pattern: /\bissues?\s+#?\d+/i },
  { what: 'a study note', pattern: /\bseeds?\s+0\d\d\b|\bthe seeds'/i },
  {
    what: 'a planning document',
    pattern: /codebase-styles|code-review\.md|seed-claims|wt-rules|wt-owners|\/work\/shared/,
  },
];

/** One reference found: the file, the 1-based line, what it points to and the line's text. */
export interface RefHit {
  readonly path: string;
  readonly line: number;
  readonly what: string;
  readonly text: string;
}

/**
 * The outside references in one file's text.
 * @example
 * findOutsideRefs('a.ts', '// see docs/math.md').length; // → 0
 */
export function findOutsideRefs(path: string, text: string): RefHit[] {
  const hits: RefHit[] = [];
  text.split('\n').forEach((line, i) => {
    for (const ref of OUTSIDE_REFS) {
      if (ref.pattern.test(line)) {
        hits.push({ path, line: i + 1, what: ref.what, text: line.trim() });
        break;
      }
    }
  });
  return hits;
}

/** Every text file under `dir` (relative paths, sorted), skipping build and dependency folders. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) out.push(...sourceFiles(p));
    } else if (TEXT_FILE.test(e.name) && !SKIP_FILES.has(p)) out.push(p);
  }
  return out;
}

function main(dirs: string[]): number {
  const hits = dirs
    .flatMap(sourceFiles)
    .flatMap((p) => findOutsideRefs(p, readFileSync(p, 'utf8')));
  for (const h of hits) console.error(`${h.path}:${h.line}: points to ${h.what}: ${h.text}`);
  if (hits.length > 0) {
    console.error(
      `check-outside-refs: ${hits.length} reference(s) to documents outside the repository; ` +
        'say what the reader needs, or point into docs/',
    );
    return 1;
  }
  console.log(`check-outside-refs: no references outside the repository in ${dirs.join(', ')}`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  process.exitCode = main(args.length > 0 ? args : SOURCE_DIRS);
}
