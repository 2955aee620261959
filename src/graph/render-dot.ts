import type { Graphviz } from '@hpcc-js/wasm-graphviz';

let graphviz: Promise<Graphviz> | undefined;

/** Graphviz compiled to WebAssembly, loaded on first use (a few MB, so not at import time). */
function loadGraphviz(): Promise<Graphviz> {
  graphviz ??= import('@hpcc-js/wasm-graphviz').then((m) => m.Graphviz.load());
  return graphviz;
}

/**
 * Lays out DOT text with Graphviz's dot engine (WebAssembly, in Node and in browsers) and returns
 * SVG text. A syntax error in the DOT throws Graphviz's message.
 * Shapes: none. Book: DeZero's plot_dot_graph runs the dot command instead.
 * @example
 * const svg = await renderDot(getDotGraph(y)); // '<?xml … <svg …' (not run: needs a graph y)
 */
export async function renderDot(dot: string): Promise<string> {
  return (await loadGraphviz()).dot(dot, 'svg');
}

/** A node's position in a layout, in points, with y growing downwards (as in the SVG). */
export interface LaidOutNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** An edge's path and label position in a layout. */
export interface LaidOutEdge {
  readonly from: string;
  readonly to: string;
  /** The spline's points [x, y] (a cubic Bézier: start, then three points per segment). */
  readonly points: readonly (readonly [number, number])[];
  /** The label's centre, when the edge has a label. */
  readonly label?: readonly [number, number];
}

/** Positions of every node and edge of a DOT graph, for a page that draws the graph itself. */
export interface DotLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly LaidOutNode[];
  readonly edges: readonly LaidOutEdge[];
}

interface GvJson {
  bb: string;
  objects?: { name: string; pos?: string; width?: string; height?: string }[];
  edges?: { tail: number; head: number; pos?: string; lp?: string }[];
}

/**
 * Lays out DOT text and returns positions instead of pictures: node centres and sizes, edge
 * splines and label positions, in points with y downwards. With describeGraph's values this is
 * all a page needs to draw (and animate) a graph.
 * Shapes: none.
 * @example
 * const layout = await layoutDot(getDotGraph(y));
 * layout.nodes[0]; // { id: 'v0', x: 27, y: 18, width: 54, height: 36 } (≈) (not run: needs a graph y)
 */
export async function layoutDot(dot: string): Promise<DotLayout> {
  const json = JSON.parse((await loadGraphviz()).dot(dot, 'json')) as GvJson;
  const [, , width, height] = json.bb.split(',').map(Number);
  const flip = (p: string): [number, number] => {
    const [x, y] = p.split(',').map(Number);
    return [x, height - y];
  };
  const objects = json.objects ?? [];
  const nodes = objects.map((o) => {
    const [x, y] = flip(o.pos ?? '0,0');
    return { id: o.name, x, y, width: Number(o.width) * 72, height: Number(o.height) * 72 };
  });
  const edges = (json.edges ?? []).map((e) => {
    const points = (e.pos ?? '')
      .split(' ')
      .filter((s) => s !== '' && !s.startsWith('e,') && !s.startsWith('s,'))
      .map(flip);
    const edge: LaidOutEdge = { from: objects[e.tail].name, to: objects[e.head].name, points };
    return e.lp === undefined ? edge : { ...edge, label: flip(e.lp) };
  });
  return { width, height, nodes, edges };
}
