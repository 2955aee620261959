import { mkdir } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { getDotGraph, type DotGraphOptions } from '../../graph/dot-graph.js';
import { GraphError } from '../../graph/graph-error.js';
import { renderDot } from '../../graph/render-dot.js';
import type { Variable } from '../../graph/variable.js';
import { writeFileAtomic } from './atomic-write.js';

/** Options of {@link plotDotGraph}. */
export interface PlotDotGraphOptions extends DotGraphOptions {
  /** The file to write: .svg, .png or .dot (default 'graph.png', as DeZero's). */
  toFile?: string;
}

/**
 * Draws the graph that made `y` (getDotGraph's DOT laid out by the WASM Graphviz) and writes it
 * atomically as SVG, PNG (rasterised by resvg at 2×) or the DOT text itself, by the extension
 * of `toFile`. Returns the DOT and SVG text and the path written.
 * Shapes: any. Book: DeZero's plot_dot_graph (step 26), which runs the dot command.
 * @example
 * await plotDotGraph(price, { toFile: 'apple.svg' }); // { path: 'apple.svg', dot: 'digraph g {…', svg: '<?xml…' } (not run: writes a file)
 */
export async function plotDotGraph(
  y: Variable,
  options: PlotDotGraphOptions = {},
): Promise<{ path: string; dot: string; svg: string }> {
  const path = options.toFile ?? 'graph.png';
  const ext = plotFileKind(path);
  const dot = getDotGraph(y, options);
  const svg = await renderDot(dot);
  await mkdir(dirname(path), { recursive: true });
  // The PNG renderer (resvg, with vega beside it) is loaded only for a PNG: importing it with the
  // CLI cost every command about 20 MB of memory and its start-up time.
  const png = async (): Promise<Uint8Array> => (await import('./render-chart.js')).svgToPng(svg);
  writeFileAtomic(path, ext === '.svg' ? svg : ext === '.dot' ? dot : await png());
  return { path, dot, svg };
}

/**
 * The kind of figure file a name asks for, by its extension; anything but .svg, .png or .dot throws.
 * @example plotFileKind('graph.svg')  // '.svg'
 */
export function plotFileKind(path: string): '.svg' | '.png' | '.dot' {
  const ext = extname(path).toLowerCase();
  if (ext !== '.svg' && ext !== '.png' && ext !== '.dot') {
    throw new GraphError(
      `plotDotGraph: cannot write '${path}': expected a file name ending in .svg, .png or .dot`,
    );
  }
  return ext;
}
