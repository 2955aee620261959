import { fmtShape, type NestedArray } from '../tensor/tensor.js';
import { describeGraph, type GraphVariableInfo } from './graph-description.js';
import type { Variable } from './variable.js';

/** Options of {@link getDotGraph}. */
export interface DotGraphOptions {
  /** Show each variable's shape, dtype, value and gradient in its node (default false: names only). */
  verbose?: boolean;
  /** Label edges with the forward value (above) and the gradient (below, red). Default true. */
  edgeValues?: boolean;
  /** Significant digits of the numbers shown (default 6: 220.00000000000003 shows as 220). */
  digits?: number;
  /** Graphviz rankdir: 'LR' (default, as the book draws) or 'TB' (as DeZero draws). */
  rankdir?: 'LR' | 'TB';
  /** Tensors with more elements than this show their shape instead of their numbers (default 4). */
  maxElements?: number;
}

/** The colour of gradients in figures (the book prints them in red, below the edges). */
export const GRADIENT_COLOR = '#d62728';

/**
 * Graphviz DOT text of the graph that made `y`: variables are ellipses (named; with verbose their
 * shape, dtype, value and gradient), functions are boxes (×, +, exp, …), and each edge carries a
 * variable's forward value above its gradient in red, as the book's ch05 figures draw them.
 * Gradients appear once backward has run (intermediate ones need backward({ retainGrad: true })).
 * Shapes: any. Book: DeZero's get_dot_graph (step 26); ch05's computational-graph figures.
 * @example
 * const x = new Variable(2, { name: 'x' });
 * const y = x.mul(3);
 * y.backward();
 * getDotGraph(y);  // 'digraph g {\n  rankdir=LR; …\n  v1 -> f0 [label=<2<br/><font color="#d62728">3</font>>];…'
 */
export function getDotGraph(y: Variable, options: DotGraphOptions = {}): string {
  const {
    verbose = false,
    edgeValues = true,
    digits = 6,
    rankdir = 'LR',
    maxElements = 4,
  } = options;
  const g = describeGraph(y);
  const show = (v: NestedArray, shape: readonly number[]): string =>
    formatValue(v, shape, digits, maxElements);
  const lines = [
    'digraph g {',
    `  rankdir=${rankdir};`,
    '  node [fontname="Helvetica", fontsize=12];',
    '  edge [fontname="Helvetica", fontsize=11];',
  ];
  const byId = new Map(g.variables.map((v) => [v.id, v]));
  for (const v of g.variables) {
    lines.push(
      `  ${v.id} [label=${variableLabel(v, verbose, show)}, shape=ellipse, style=filled, fillcolor="#fdebd0", color="#e67e22"];`,
    );
  }
  for (const f of g.functions) {
    lines.push(
      `  ${f.id} [label="${escapeText(f.label)}", shape=box, style=filled, fillcolor="#d6eaf8", color="#2e86c1"];`,
    );
  }
  for (const e of g.edges) {
    const v = byId.get(e.variable) as GraphVariableInfo;
    if (!edgeValues) {
      lines.push(`  ${e.from} -> ${e.to};`);
      continue;
    }
    const value = escapeHtml(show(v.value, v.shape));
    const grad =
      v.grad === null
        ? ''
        : `<br/><font color="${GRADIENT_COLOR}">${escapeHtml(show(v.grad, v.shape))}</font>`;
    lines.push(`  ${e.from} -> ${e.to} [label=<${value}${grad}>];`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

function variableLabel(
  v: GraphVariableInfo,
  verbose: boolean,
  show: (x: NestedArray, shape: readonly number[]) => string,
): string {
  const name = v.name ?? '';
  if (!verbose) return `"${escapeText(name)}"`;
  const parts = [
    name === '' ? '' : `<b>${escapeHtml(name)}</b>`,
    `${fmtShape(v.shape)} ${v.dtype}`,
  ];
  parts.push(`value ${escapeHtml(show(v.value, v.shape))}`);
  if (v.grad !== null) {
    parts.push(`<font color="${GRADIENT_COLOR}">grad ${escapeHtml(show(v.grad, v.shape))}</font>`);
  }
  return `<${parts.filter((p) => p !== '').join('<br/>')}>`;
}

/**
 * A value for a figure: numbers to `digits` significant digits (220.00000000000003 → '220'),
 * nested arrays as brackets, and a tensor larger than `maxElements` as its shape.
 * @example formatValue(110.00000000000001, [], 6, 4)  // '110'
 */
export function formatValue(
  v: NestedArray,
  shape: readonly number[],
  digits = 6,
  maxElements = 4,
): string {
  const size = shape.reduce((p, d) => p * d, 1);
  if (size > maxElements) return fmtShape(shape);
  const one = (x: NestedArray): string =>
    typeof x === 'number' ? String(Number(x.toPrecision(digits))) : `[${x.map(one).join(', ')}]`;
  return one(v);
}

function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
