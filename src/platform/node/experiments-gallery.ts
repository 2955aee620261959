import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  Experiment,
  ExperimentResult,
  ExperimentSize,
  JsonValue,
  KeyNumber,
  NoteQuote,
} from '../../experiments/experiment.js';
import { removeStaleTempFiles, writeFileAtomic } from './atomic-write.js';
import { writeChart } from './render-chart.js';

/** What `summary.json` of one experiment holds; the gallery is built from these files. */
export interface ExperimentRecord {
  readonly name: string;
  readonly title: string;
  readonly claim: string;
  readonly book: string;
  /** The note's passage that the experiment tests, in its original language. */
  readonly note?: NoteQuote;
  readonly size: ExperimentSize;
  readonly seed: number;
  readonly runtimeSeconds: number;
  /** The compute backend it ran on ('js', 'wasm'). */
  readonly backend: string;
  readonly key: readonly KeyNumber[];
  /** Figure files relative to the experiment's folder. */
  readonly figures: readonly {
    readonly name: string;
    readonly caption: string;
    readonly svg: string;
    readonly png: string;
  }[];
  readonly numbers: { readonly [key: string]: JsonValue };
}

/** How a run was made, stored beside its results. */
export interface RunInfo {
  readonly size: ExperimentSize;
  readonly seed: number;
  readonly runtimeSeconds: number;
  readonly backend: string;
}

/**
 * Writes one experiment's results to `dir`: each figure as `<figure>.svg` and `<figure>.png`, and
 * `summary.json` (claim, key numbers, all numbers, figure files, size, seed, runtime). Every file
 * is written atomically, summary.json last, so a reader never sees a half-written file.
 * @example
 * await writeExperimentRun('runs/experiments/numerical-diff', numericalDiffExperiment, result, info);
 * // runs/experiments/numerical-diff/{tangents.svg, tangents.png, error-vs-h.svg, …, summary.json}
 * // not run: writes a run folder
 */
export async function writeExperimentRun(
  dir: string,
  experiment: Experiment,
  result: ExperimentResult,
  info: RunInfo,
): Promise<ExperimentRecord> {
  await mkdir(dir, { recursive: true });
  removeStaleTempFiles(dir);
  const figures = [];
  for (const figure of result.figures) {
    await writeChart(figure.spec, join(dir, figure.name));
    figures.push({
      name: figure.name,
      caption: figure.caption,
      svg: `${figure.name}.svg`,
      png: `${figure.name}.png`,
    });
  }
  const record: ExperimentRecord = {
    name: experiment.name,
    title: experiment.title,
    claim: experiment.claim,
    book: experiment.book,
    ...(experiment.note ? { note: experiment.note } : {}),
    size: info.size,
    seed: info.seed,
    runtimeSeconds: info.runtimeSeconds,
    backend: info.backend,
    key: result.key,
    figures,
    numbers: result.numbers,
  };
  writeFileAtomic(join(dir, 'summary.json'), `${JSON.stringify(record, null, 2)}\n`);
  return record;
}

/**
 * The records of the experiments in `root` that have a summary.json, in the given name order
 * (names without a folder are skipped; a summary that is not valid JSON or lacks name, claim,
 * figures or key is skipped and reported through onSkip).
 */
export function readExperimentRecords(
  root: string,
  order: readonly string[],
  onSkip: (path: string, reason: string) => void = () => {},
): ExperimentRecord[] {
  if (!existsSync(root)) return [];
  const present = new Set(readdirSync(root));
  const records: ExperimentRecord[] = [];
  for (const name of order) {
    const path = join(root, name, 'summary.json');
    if (!present.has(name) || !existsSync(path)) continue;
    // A summary from an older version or edited by hand must not break the whole gallery.
    let record: unknown;
    try {
      record = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      onSkip(path, `not readable JSON (${(error as Error).message})`);
      continue;
    }
    const r = record as Partial<Record<keyof ExperimentRecord, unknown>> | null;
    if (
      typeof r !== 'object' ||
      r === null ||
      r.name !== name ||
      typeof r.claim !== 'string' ||
      !Array.isArray(r.figures) ||
      !Array.isArray(r.key)
    ) {
      onSkip(path, 'not an experiment summary (name, claim, figures and key expected)');
      continue;
    }
    records.push(record as ExperimentRecord);
  }
  return records;
}

/**
 * Writes `<root>/index.html`: every experiment's figures beside its claim (with the book's
 * chapter and section), its key numbers, size, seed and runtime. Images are linked by relative
 * path (PNG, each a link to its SVG), so the folder can be moved or served as it is.
 * @example
 * await writeGallery('runs/experiments', records); // 'runs/experiments/index.html' (not run: writes files)
 */
export async function writeGallery(
  root: string,
  records: readonly ExperimentRecord[],
): Promise<string> {
  await mkdir(root, { recursive: true });
  const path = join(root, 'index.html');
  writeFileAtomic(path, galleryHtml(records));
  return path;
}

/** The gallery's languages: Korean when the browser's language is Korean, otherwise English. */
export type GalleryLanguage = 'en' | 'ko';

/** Every text of the gallery's own (the experiments' claims are in English, their note quotes in the note's language). */
interface GalleryText {
  readonly title: string;
  readonly intro: string;
  readonly switchTo: string;
  readonly claimLabel: string;
  readonly book: string;
  readonly size: string;
  readonly seed: string;
  /** Run time in seconds on a backend. */
  readonly runtime: (seconds: string, backend: string) => string;
}

/** One typed table per language, so a missing text is a type error, not a blank. */
export const GALLERY_TEXT: { readonly [L in GalleryLanguage]: GalleryText } = {
  en: {
    title: 'gradlab experiments',
    intro:
      "Each experiment regenerates a figure or a number of the seed notes on <i>Deep Learning from Scratch</i> (chapters 4–5), seeded and reproducible: <code>gradlab experiment &lt;name&gt;</code> (<code>--full</code> for the book's sizes). Each quotes the note's passage it tests.",
    switchTo: '한국어',
    claimLabel: 'Claim',
    book: 'book',
    size: 'size',
    seed: 'seed',
    runtime: (seconds, backend) => `${seconds} s on ${backend}`,
  },
  ko: {
    title: 'gradlab 실험',
    intro:
      '각 실험은 <i>밑바닥부터 시작하는 딥러닝</i>(4–5장) 스터디 노트의 그림이나 수치를 시드를 고정해 재현합니다: <code>gradlab experiment &lt;이름&gt;</code> (책의 크기로는 <code>--full</code>). 실험마다 확인하는 노트의 구절을 원문 그대로 인용하고, 주장은 영어로 적었습니다.',
    switchTo: 'English',
    claimLabel: '주장 (영어)',
    book: '책',
    size: '크기',
    seed: '시드',
    runtime: (seconds, backend) => `${backend}에서 ${seconds}초`,
  },
};

/** Both languages' versions of a text; the page shows the one of its language (see LANGUAGE_SCRIPT). */
function both(text: (t: GalleryText) => string): string {
  return `<span class="t-en">${text(GALLERY_TEXT.en)}</span><span class="t-ko">${text(GALLERY_TEXT.ko)}</span>`;
}

/**
 * Chooses the page's language before it is drawn: `?lang=ko` or `?lang=en` wins, otherwise
 * Korean when the browser's language is Korean. The switch links set `?lang`, so the URL
 * remembers the choice.
 */
const LANGUAGE_SCRIPT = `<script>
(() => {
  const asked = new URLSearchParams(location.search).get('lang');
  const lang = asked === 'ko' || asked === 'en' ? asked : /^ko\\b/i.test(navigator.language || '') ? 'ko' : 'en';
  document.documentElement.lang = lang;
  document.title = lang === 'ko' ? ${JSON.stringify(GALLERY_TEXT.ko.title)} : ${JSON.stringify(GALLERY_TEXT.en.title)};
})();
</script>`;

/** The gallery page for some experiment records (pure string building), in English and Korean. */
export function galleryHtml(records: readonly ExperimentRecord[]): string {
  const toc = records
    .map(
      (r) => `<li><a href="#${esc(r.name)}">${esc(r.title)}</a> <code>${esc(r.name)}</code></li>`,
    )
    .join('\n');
  const sections = records.map(sectionHtml).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${GALLERY_TEXT.en.title}</title>
${LANGUAGE_SCRIPT}
<style>
body { font-family: 'DejaVu Sans', 'NanumGothic', 'Noto Sans CJK KR', Arial, sans-serif; max-width: 1280px; margin: 2em auto; padding: 0 1em; color: #222; }
html[lang=en] .t-ko, html[lang=ko] .t-en { display: none; }
nav.lang { float: right; }
section { border-top: 1px solid #ddd; padding-top: 1em; margin-top: 2em; }
.note { white-space: pre-line; margin: 0.4em 0; padding: 0.4em 1em; border-left: 4px solid #ff7f0e; background: #fff8f0; font-family: 'NanumGothic', 'Noto Sans CJK KR', sans-serif; }
.note footer { font-size: 0.85em; color: #666; }
.claim { font-size: 1.1em; background: #f5f8fc; border-left: 4px solid #1f77b4; padding: 0.6em 1em; }
.claim b { font-size: 0.8em; color: #1f77b4; margin-right: 0.5em; }
.figures { display: flex; flex-wrap: wrap; gap: 1.5em; }
figure { margin: 0; max-width: 600px; }
figure img { width: 100%; height: auto; border: 1px solid #eee; }
figcaption { font-size: 0.9em; color: #444; }
table { border-collapse: collapse; margin: 0.8em 0; }
td { border-bottom: 1px solid #eee; padding: 0.2em 0.8em 0.2em 0; vertical-align: top; }
td.v { font-family: monospace; white-space: pre-wrap; }
.meta { color: #666; font-size: 0.85em; }
</style>
</head>
<body>
<nav class="lang"><a class="t-en" href="?lang=ko" hreflang="ko">${GALLERY_TEXT.en.switchTo}</a><a class="t-ko" href="?lang=en" hreflang="en">${GALLERY_TEXT.ko.switchTo}</a></nav>
<h1>${both((t) => t.title)}</h1>
<p>${both((t) => t.intro)}</p>
<ul>
${toc}
</ul>
${sections}
</body>
</html>
`;
}

function sectionHtml(r: ExperimentRecord): string {
  const rows = r.key
    .map((k) => `<tr><td>${esc(k.label)}</td><td class="v">${esc(String(k.value))}</td></tr>`)
    .join('\n');
  const figures = r.figures
    .map(
      (f) =>
        `<figure><a href="${esc(`${r.name}/${f.svg}`)}"><img src="${esc(`${r.name}/${f.png}`)}" alt="${esc(f.caption)}"></a><figcaption>${esc(f.caption)}</figcaption></figure>`,
    )
    .join('\n');
  const seconds = r.runtimeSeconds.toFixed(1);
  const backend = esc(r.backend ?? 'js');
  return `<section id="${esc(r.name)}">
<h2>${esc(r.title)} <code>${esc(r.name)}</code></h2>
${r.note ? `<blockquote class="note" lang="ko">${esc(r.note.quote)}<footer>${esc(r.note.source)}</footer></blockquote>\n` : ''}<p class="claim" lang="en"><b>${both((t) => t.claimLabel)}</b>${esc(r.claim)}</p>
<table>
${rows}
</table>
<p class="meta">${both((t) => t.book)} ${esc(r.book)} · ${both((t) => t.size)} ${esc(r.size)} · ${both((t) => t.seed)} ${r.seed} · ${both((t) => t.runtime(seconds, backend))} · <a href="${esc(`${r.name}/summary.json`)}">summary.json</a></p>
<div class="figures">
${figures}
</div>
</section>`;
}

function esc(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
