import { formatValue } from './dot-graph.js';
import type { GraphDescription, GraphVariableInfo } from './graph-description.js';

/** A node of a book-style graph drawing: a function (a circle) or an input or output (a name). */
export interface LayoutNode {
  /** The id from describeGraph ('f0', 'v3', …). */
  readonly id: string;
  readonly kind: 'function' | 'input' | 'output';
  /** '×', '+', 'exp', … for a function; the variable's name otherwise ('' when unnamed). */
  readonly label: string;
  /** Column (0 = leftmost) and row (fractional: a node sits between the rows of its inputs). */
  readonly x: number;
  readonly y: number;
}

/** An edge of the drawing: one variable flowing from its maker to a user of it. */
export interface LayoutEdge {
  readonly from: string;
  readonly to: string;
  /** The variable's id and name. */
  readonly variable: string;
  readonly name: string | undefined;
  /** The forward value as the figure prints it (above the edge). */
  readonly value: string;
  /** The gradient as the figure prints it (below the edge, red), or null before backward. */
  readonly grad: string | null;
}

/** A laid-out graph in column and row units: what a page or a chart draws. */
export interface GraphLayout {
  readonly nodes: readonly LayoutNode[];
  readonly edges: readonly LayoutEdge[];
  /** Number of columns and rows used (for scaling). */
  readonly columns: number;
  readonly rows: number;
}

/** Options of {@link layoutGraph}. */
export interface GraphLayoutOptions {
  /** Significant digits of printed numbers (default 6). */
  digits?: number;
  /** Tensors larger than this print as their shape (default 4). */
  maxElements?: number;
}

/**
 * Lays out a graph the way the book draws it (ch05 figs 5-2 to 5-17), with no Graphviz: functions
 * are nodes, inputs are names at the left end of their edges, outputs names at the right end, and
 * an intermediate variable is the edge between the function that made it and the one that uses
 * it, labelled with its value above and its gradient below. Columns go left to right by depth
 * (an input sits just before its first user); rows come from a tidy-tree walk from the outputs,
 * each function centred on its inputs. Pure computation: the same graph gives the same layout.
 * Shapes: none. Book: the computational-graph figures of ch05 §5.1–5.4.
 * @example
 * const layout = layoutGraph(describeGraph(buyApple().price));
 * layout.nodes.map((n) => n.label);  // ['price', '×', '×', 'apple', 'apple_num', 'tax'] (order may vary)
 */
export function layoutGraph(g: GraphDescription, options: GraphLayoutOptions = {}): GraphLayout {
  const { digits = 6, maxElements = 4 } = options;
  const variables = new Map(g.variables.map((v) => [v.id, v]));
  const makerOf = new Map<string, string>();
  const inputsOf = new Map<string, string[]>();
  const usersOf = new Map<string, string[]>();
  for (const e of g.edges) {
    if (variables.has(e.from)) {
      inputsOf.set(e.to, [...(inputsOf.get(e.to) ?? []), e.from]);
      usersOf.set(e.from, [...(usersOf.get(e.from) ?? []), e.to]);
    } else {
      makerOf.set(e.to, e.from);
    }
  }
  const columnOf = new Map<string, number>();
  const fnColumn = (f: string): number => {
    const known = columnOf.get(f);
    if (known !== undefined) return known;
    let col = 1;
    for (const x of inputsOf.get(f) ?? []) {
      const m = makerOf.get(x);
      if (m !== undefined) col = Math.max(col, fnColumn(m) + 1);
    }
    columnOf.set(f, col);
    return col;
  };
  const rowOf = new Map<string, number>();
  let slots = 0;
  const varRow = (v: string): number => {
    const m = makerOf.get(v);
    if (m === undefined) {
      let row = rowOf.get(v);
      if (row === undefined) rowOf.set(v, (row = slots++));
      return row;
    }
    let row = rowOf.get(m);
    if (row === undefined) {
      const inputs = inputsOf.get(m) ?? [];
      row =
        inputs.length === 0 ? slots++ : inputs.reduce((s, x) => s + varRow(x), 0) / inputs.length;
      rowOf.set(m, row);
    }
    return row;
  };
  const outputs = g.variables.filter((v) => !usersOf.has(v.id));
  for (const v of outputs) varRow(v.id);
  const nodes: LayoutNode[] = [];
  for (const f of g.functions)
    nodes.push({
      id: f.id,
      kind: 'function',
      label: f.label,
      x: fnColumn(f.id),
      y: rowOf.get(f.id) ?? varRow((inputsOf.get(f.id) ?? [''])[0]),
    });
  for (const v of g.variables) {
    const maker = makerOf.get(v.id);
    if (maker === undefined) {
      const users = usersOf.get(v.id) ?? [];
      const x = users.length === 0 ? 0 : Math.min(...users.map(fnColumn)) - 1;
      nodes.push({ id: v.id, kind: 'input', label: v.name ?? '', x, y: varRow(v.id) });
    } else if (!usersOf.has(v.id)) {
      nodes.push({
        id: v.id,
        kind: 'output',
        label: v.name ?? '',
        x: fnColumn(maker) + 1,
        y: varRow(v.id),
      });
    }
  }
  const show = (v: GraphVariableInfo) => ({
    value: formatValue(v.value, v.shape, digits, maxElements),
    grad: v.grad === null ? null : formatValue(v.grad, v.shape, digits, maxElements),
  });
  const edges: LayoutEdge[] = [];
  for (const v of g.variables) {
    const from = makerOf.get(v.id) ?? v.id;
    const to = usersOf.get(v.id) ?? [v.id];
    for (const t of to) {
      if (t === from) continue;
      edges.push({ from, to: t, variable: v.id, name: v.name, ...show(v) });
    }
  }
  const columns = 1 + Math.max(0, ...nodes.map((n) => n.x));
  return { nodes, edges, columns, rows: Math.max(1, slots) };
}
