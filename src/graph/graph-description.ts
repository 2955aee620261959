import type { NestedArray } from '../tensor/tensor.js';
import type { GraphNode, Variable } from './variable.js';

/** A variable of a graph, as figures and the playground show it. */
export interface GraphVariableInfo {
  readonly kind: 'variable';
  /** 'v0', 'v1', …: stable for one description (in the order backward would reach them). */
  readonly id: string;
  readonly name: string | undefined;
  readonly shape: readonly number[];
  readonly dtype: string;
  /** The forward value (nested arrays, a number for a 0-d variable). */
  readonly value: NestedArray;
  /** The gradient after backward (null when it has none, e.g. not retained). */
  readonly grad: NestedArray | null;
  /** True for a variable no function made (an input or a parameter). */
  readonly leaf: boolean;
}

/** A function node of a graph. */
export interface GraphFunctionInfo {
  readonly kind: 'function';
  /** 'f0', 'f1', …. */
  readonly id: string;
  /** The function's name, e.g. 'Mul'. */
  readonly name: string;
  /** The label a figure shows, e.g. '×'. */
  readonly label: string;
  readonly generation: number;
}

/** An edge: a variable into the function that uses it, or a function to its output. */
export interface GraphEdgeInfo {
  readonly from: string;
  readonly to: string;
  /** The id of the variable the edge carries (its value forward, its gradient backward). */
  readonly variable: string;
}

/** A computational graph as plain data: what a page needs to draw it and show each value. */
export interface GraphDescription {
  readonly variables: readonly GraphVariableInfo[];
  readonly functions: readonly GraphFunctionInfo[];
  readonly edges: readonly GraphEdgeInfo[];
}

/**
 * The graph that made `outputs`, as plain data (JSON-safe): every variable with its value and
 * gradient, every function, and the edges input → function → output. The walk goes from the
 * outputs back through creators, as backward does; nothing is computed.
 * Shapes: values and gradients keep their variables' shapes. Book: the nodes and edges of ch05's figures.
 * @example
 * const y = new Variable(2, { name: 'x' }).mul(3);
 * describeGraph(y).functions[0].label;  // '×'
 */
export function describeGraph(...outputs: Variable[]): GraphDescription {
  const varIds = new Map<Variable, string>();
  const fnIds = new Map<GraphNode, string>();
  const variables: GraphVariableInfo[] = [];
  const functions: GraphFunctionInfo[] = [];
  const edges: GraphEdgeInfo[] = [];
  const idOf = (v: Variable): string => {
    let id = varIds.get(v);
    if (id === undefined) {
      id = `v${varIds.size}`;
      varIds.set(v, id);
      variables.push(variableInfo(id, v));
    }
    return id;
  };
  const pending: GraphNode[] = [];
  const visit = (f: GraphNode | null): void => {
    if (f === null || fnIds.has(f)) return;
    const id = `f${fnIds.size}`;
    fnIds.set(f, id);
    const label = 'label' in f && typeof f.label === 'string' ? f.label : f.name;
    functions.push({ kind: 'function', id, name: f.name, label, generation: f.generation });
    pending.push(f);
  };
  for (const y of outputs) {
    idOf(y);
    visit(y.creator);
  }
  while (pending.length > 0) {
    const f = pending.shift() as GraphNode;
    const fid = fnIds.get(f) as string;
    for (const y of f.outputs) {
      const vid = idOf(y);
      edges.push({ from: fid, to: vid, variable: vid });
    }
    for (const x of f.inputs) {
      const vid = idOf(x);
      edges.push({ from: vid, to: fid, variable: vid });
      visit(x.creator);
    }
  }
  return { variables, functions, edges };
}

function variableInfo(id: string, v: Variable): GraphVariableInfo {
  return {
    kind: 'variable',
    id,
    name: v.name,
    shape: [...v.shape],
    dtype: v.dtype,
    value: v.data.toArray(),
    grad: v.grad === null ? null : v.grad.data.toArray(),
    leaf: v.creator === null,
  };
}
