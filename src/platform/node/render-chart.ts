import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { compileFunction } from 'node:vm';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import type * as VegaModule from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { writeFileAtomic } from './atomic-write.js';

/**
 * Loads Vega from its one-file build (vega/build/vega.min.js, shipped in the same package and
 * version as its ES modules). Importing `vega` as ES modules loads some 30 packages and took
 * 313–331 ms here; the one file loads in 60–90 ms, and renders byte-identical SVG (measured on
 * the loss and accuracy charts). That is most of a run's fixed chart cost.
 */
function loadVega(): typeof VegaModule {
  const file = join(dirname(createRequire(import.meta.url).resolve('vega')), 'vega.min.js');
  const module: { exports: Record<string, unknown> } = { exports: {} };
  compileFunction(readFileSync(file, 'utf8'), ['exports', 'module'], { filename: file })(
    module.exports,
    module,
  );
  return module.exports as unknown as typeof VegaModule;
}

const vega = loadVega();

/** Thrown when a chart spec asks to load anything (a data URL, an image): rendering is offline. */
export class OfflineLoadError extends Error {
  override readonly name = 'OfflineLoadError';
}

/** Thrown when Vega reports an error while rendering a chart (instead of drawing a blank chart). */
export class ChartRenderError extends Error {
  override readonly name = 'ChartRenderError';
}

/**
 * A Vega loader that refuses every load, local or remote, and notes what was asked: gradlab charts
 * carry their data inline, so a spec that names a URL is a mistake, and rendering must never
 * reach the network.
 */
function offlineLoader(refused: string[]): VegaModule.Loader {
  const refuse = (uri: string): Promise<never> => {
    refused.push(uri);
    return Promise.reject(new OfflineLoadError(`offline: refused to load '${uri}'`));
  };
  return { load: refuse, sanitize: refuse, http: refuse, file: refuse };
}

/**
 * Renders a Vega-Lite spec to an SVG document, headless and offline.
 *
 * Vega logs a failed load or a bad expression and carries on with a blank chart; here those
 * errors are collected and thrown, so a broken chart never reaches a file unnoticed.
 * Text widths are estimated (no canvas in Node), which errs wide, so labels are not clipped.
 * @throws OfflineLoadError if the spec names data or images to load.
 * @throws ChartRenderError if Vega reports any other error.
 * @example
 * const svg = await renderSvg(lossChart([0, 1, 2], [2.3, 1.1, 0.6]));
 * svg.startsWith('<svg'); // → true
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const refused: string[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  const logger = vega.logger(vega.Warn, undefined, (method, _level, input) => {
    const text = (input ?? [])
      .map((part) => (part instanceof Error ? part.message : String(part)))
      .join(' ');
    if (method === 'error') errors.push(text);
    else warnings.push(text);
  });
  const view = new vega.View(vega.parse(compile(spec).spec), {
    renderer: 'none',
    loader: offlineLoader(refused),
    logger,
  });
  try {
    const svg = await view.toSVG();
    if (refused.length > 0) {
      throw new OfflineLoadError(
        `renderSvg: spec asks to load ${refused.map((u) => `'${u}'`).join(', ')}: expected inline data only (rendering is offline)`,
      );
    }
    if (errors.length > 0)
      throw new ChartRenderError(`renderSvg: Vega reported: ${errors.join('; ')}`);
    // Printed only on success: after a refused load the warnings are its echoes.
    for (const warning of warnings) console.warn(`vega: ${warning}`);
    return svg;
  } finally {
    view.finalize();
  }
}

/** Options of {@link svgToPng}. */
export interface PngOptions {
  /** Output width in px (height follows the aspect ratio). Wins over `scale`. */
  width?: number;
  /** Zoom factor over the SVG's own size; default 2 (crisp on high-density screens and in docs). */
  scale?: number;
  /** Font files to use; default: the first of {@link FONT_CANDIDATES} present on this machine. */
  fontFiles?: readonly string[];
}

/**
 * Font files tried in order (Debian/Ubuntu, Fedora, Arch, macOS, Windows). Loading named files
 * is faster than scanning every system font, and renders the same on every machine that has them.
 * On Debian the first two come from the `fonts-dejavu-core` package.
 */
export const FONT_CANDIDATES: readonly (readonly string[])[] = [
  [
    '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  ],
  [
    '/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf',
    '/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf',
  ],
  ['/usr/share/fonts/TTF/DejaVuSans.ttf', '/usr/share/fonts/TTF/DejaVuSans-Bold.ttf'],
  [
    '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  ],
  [
    '/System/Library/Fonts/Supplemental/Arial.ttf',
    '/System/Library/Fonts/Supplemental/Arial Bold.ttf',
  ],
  ['C:\\Windows\\Fonts\\arial.ttf', 'C:\\Windows\\Fonts\\arialbd.ttf'],
];

/** The font files of the first present {@link FONT_CANDIDATES} family, or `[]` if none is. */
export function findChartFonts(): string[] {
  for (const family of FONT_CANDIDATES) {
    if (existsSync(family[0]!)) return family.filter((file) => existsSync(file));
  }
  return [];
}

/**
 * Rasterises an SVG to PNG bytes with resvg.
 *
 * Fonts: the given files, else a known system font file; with none of those, resvg scans the
 * system fonts (slower, and text is missing if there are none at all).
 * @example
 * const svg = await renderSvg(lossChart([0, 1, 2], [2.3, 1.1, 0.6]));
 * const png = svgToPng(svg, { width: 960 });
 * png.subarray(0, 4); // → Uint8Array.of(0x89, 0x50, 0x4e, 0x47)
 */
export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  const fontFiles = options.fontFiles ? [...options.fontFiles] : findChartFonts();
  const renderOptions: ResvgRenderOptions = {
    fitTo:
      options.width !== undefined
        ? { mode: 'width', value: options.width }
        : { mode: 'zoom', value: options.scale ?? 2 },
    font: {
      loadSystemFonts: fontFiles.length === 0,
      fontFiles,
      // Vega writes a font-family list; when none of its names is loaded, resvg falls back here.
      defaultFontFamily: fontFiles.length > 0 ? undefined : 'DejaVu Sans',
    },
    logLevel: 'off',
  };
  const png = new Resvg(svg, renderOptions).render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

/**
 * Renders a spec and writes `<base>.svg` and `<base>.png` atomically (creating the folder).
 * @throws FileWriteError (from writeFileAtomic) naming the file that could not be written.
 * @example
 * await writeChart(accuracyChart(epochs, trainAcc, testAcc), 'runs/mnist/accuracy');
 * // { svg: 'runs/mnist/accuracy.svg', png: 'runs/mnist/accuracy.png' }
 * // not run: writes files
 */
export async function writeChart(
  spec: TopLevelSpec,
  base: string,
  options: PngOptions = {},
): Promise<{ svg: string; png: string }> {
  const svg = await renderSvg(spec);
  const paths = { svg: `${base}.svg`, png: `${base}.png` };
  await mkdir(dirname(base), { recursive: true });
  writeFileAtomic(paths.svg, svg);
  writeFileAtomic(paths.png, svgToPng(svg, options));
  return paths;
}
