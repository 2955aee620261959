import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG } from './chart-frame.js';
import { PlotInputError } from './plot-error.js';

/** A node to draw: a function circle, or an input or output name, at a column and row. */
export interface GraphChartNode {
  readonly id: string;
  readonly kind: 'function' | 'input' | 'output';
  readonly label: string;
  readonly x: number;
  readonly y: number;
}

/** An edge to draw, with the value printed above it and the gradient below it. */
export interface GraphChartEdge {
  readonly from: string;
  readonly to: string;
  readonly value: string;
  readonly grad: string | null;
}

/** Options of {@link graphChart}. */
export interface GraphChartOptions {
  title: string;
  /** Pixels per column and per row (defaults 120 and 70). */
  columnWidth?: number;
  rowHeight?: number;
}

const RADIUS = 20;
const GRADIENT_RED = '#d62728';

/**
 * A computational-graph figure in the book's style as a Vega-Lite spec: functions as circles with
 * their symbol (×, +), inputs and outputs as names, and arrows carrying each value above the edge
 * (black) and its gradient below (red). Takes a layout in column and row units (layoutGraph's).
 * Shapes: none. Book: ch05 figs 5-2 to 5-17.
 * @example
 * graphChart(layoutGraph(describeGraph(buyApple().price)), { title: 'buy_apple.py' });  // a spec
 */
export function graphChart(
  layout: { readonly nodes: readonly GraphChartNode[]; readonly edges: readonly GraphChartEdge[] },
  options: GraphChartOptions,
): TopLevelSpec {
  const cw = options.columnWidth ?? 100;
  const rh = options.rowHeight ?? 90;
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  // A symbol (×, +) sits in a circle, a longer name (Linear, ReLU) in a rounded box; an input or
  // output name is bare text. Edges stop at the shape's border (or a little short of the text).
  const halfWidth = (n: GraphChartNode): number =>
    n.kind !== 'function'
      ? 6 + 3.6 * n.label.length
      : n.label.length <= 2
        ? RADIUS
        : Math.max(RADIUS, 4.2 * n.label.length + 10);
  // Columns are as wide as their widest node plus room for the edge labels between them.
  const columns = Math.max(0, ...layout.nodes.map((n) => n.x)) + 1;
  const widest = new Array<number>(columns).fill(0);
  for (const n of layout.nodes) widest[n.x] = Math.max(widest[n.x] ?? 0, halfWidth(n));
  const colX: number[] = [];
  for (let c = 0; c < columns; c++) {
    colX[c] = c === 0 ? 20 + widest[0] : colX[c - 1] + widest[c - 1] + cw + widest[c];
  }
  const px = (n: GraphChartNode) => ({ x: colX[n.x] ?? 0, y: n.y * rh + 40 });
  const gap = (n: GraphChartNode, ux: number, uy: number): number => {
    if (n.kind === 'function' && n.label.length <= 2) return RADIUS + 2;
    const hw = halfWidth(n);
    const hh = n.kind === 'function' ? RADIUS : 9;
    return (
      Math.min(
        Math.abs(ux) > 1e-9 ? hw / Math.abs(ux) : Infinity,
        Math.abs(uy) > 1e-9 ? hh / Math.abs(uy) : Infinity,
      ) + 2
    );
  };
  const edges = layout.edges.map((e) => {
    const a = byId.get(e.from);
    const b = byId.get(e.to);
    if (a === undefined || b === undefined) {
      throw new PlotInputError(
        `graphChart: edge ${e.from} → ${e.to} names a node that is not in the layout`,
      );
    }
    const p = px(a);
    const q = px(b);
    const len = Math.hypot(q.x - p.x, q.y - p.y) || 1;
    const [ux, uy] = [(q.x - p.x) / len, (q.y - p.y) / len];
    const x1 = p.x + ux * gap(a, ux, uy);
    const y1 = p.y + uy * gap(a, ux, uy);
    const x2 = q.x - ux * (gap(b, ux, uy) + 1);
    const y2 = q.y - uy * (gap(b, ux, uy) + 1);
    const angle = (Math.atan2(uy, ux) * 180) / Math.PI;
    // Labels sit off the edge along its upward normal: the value above, the gradient below.
    const [nx, ny] = ux >= 0 ? [uy, -ux] : [-uy, ux];
    const [mx, my] = [(x1 + x2) / 2, (y1 + y2) / 2];
    const off = 10 + 4 * Math.abs(nx);
    return {
      x1,
      y1,
      x2,
      y2,
      angle,
      value: e.value,
      grad: e.grad ?? '',
      vx: mx + nx * off,
      vy: my + ny * off,
      gx: mx - nx * off,
      gy: my - ny * off,
    };
  });
  const nodes = layout.nodes.map((n) => {
    const { x, y } = px(n);
    const hw = halfWidth(n);
    const round = n.kind === 'function' && n.label.length <= 2;
    return {
      x,
      y,
      x0: x - hw,
      x1: x + hw,
      y0: y - RADIUS,
      y1: y + RADIUS,
      kind: n.kind,
      label: n.label,
      round,
    };
  });
  const width = Math.max(...nodes.map((n) => n.x1), 0) + 40;
  const height = Math.max(...nodes.map((n) => n.y), 0) + 40;
  const x = {
    field: 'x',
    type: 'quantitative' as const,
    scale: { domain: [0, width] },
    axis: null,
  };
  const y = {
    field: 'y',
    type: 'quantitative' as const,
    scale: { domain: [height, 0] },
    axis: null,
  };
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title,
    width,
    height,
    config: { ...CHART_CONFIG, view: { stroke: null } },
    layer: [
      {
        data: { values: edges },
        mark: { type: 'rule', color: '#333', strokeWidth: 1.5 },
        encoding: {
          x: { ...x, field: 'x1' },
          y: { ...y, field: 'y1' },
          x2: { field: 'x2' },
          y2: { field: 'y2' },
        },
      },
      {
        data: { values: edges },
        mark: { type: 'point', shape: 'triangle-right', filled: true, color: '#333', size: 60 },
        encoding: {
          x: { ...x, field: 'x2' },
          y: { ...y, field: 'y2' },
          angle: { field: 'angle', type: 'quantitative', scale: null },
        },
      },
      {
        data: { values: edges },
        mark: { type: 'text', baseline: 'middle', fontSize: 13, color: '#000' },
        encoding: { x: { ...x, field: 'vx' }, y: { ...y, field: 'vy' }, text: { field: 'value' } },
      },
      {
        data: { values: edges },
        mark: { type: 'text', baseline: 'middle', fontSize: 13, color: GRADIENT_RED },
        encoding: { x: { ...x, field: 'gx' }, y: { ...y, field: 'gy' }, text: { field: 'grad' } },
      },
      {
        data: { values: nodes.filter((n) => n.kind === 'function' && !n.round) },
        mark: {
          type: 'rect',
          cornerRadius: 8,
          color: '#d6eaf8',
          stroke: '#2e86c1',
          strokeWidth: 1.5,
        },
        encoding: {
          x: { ...x, field: 'x0' },
          x2: { field: 'x1' },
          y: { ...y, field: 'y0' },
          y2: { field: 'y1' },
        },
      },
      {
        data: { values: nodes.filter((n) => n.round) },
        mark: {
          type: 'point',
          shape: 'circle',
          filled: true,
          size: Math.PI * RADIUS * RADIUS,
          color: '#d6eaf8',
          stroke: '#2e86c1',
          strokeWidth: 1.5,
          opacity: 1,
        },
        encoding: { x, y },
      },
      {
        data: { values: nodes },
        mark: { type: 'text', fontSize: 14 },
        encoding: { x, y, text: { field: 'label' } },
      },
    ],
  };
  return spec;
}
