import type { Grid2D } from '../plot/grid.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * The book's function_2: f(x0, x1) = x0² + x1², minimum 0 at the origin, ∇f = (2x0, 2x1).
 * Written x·x (not x ** 2) to round exactly as NumPy's x**2 does.
 * Shapes: x (2).
 * Book: function_2 (ch04 §4.3.3, gradient_2d.py).
 * @example function2(tensor([3, 4])); // → 25
 */
export function function2(x: Tensor): number {
  const d = x.data;
  return d[0]! * d[0]! + d[1]! * d[1]!;
}

/**
 * function_2 sampled on an n × n grid over [lo, hi]², for contour charts.
 * Shapes: x0 (n), x1 (n), z (n, n) with z[j][i] = f(x0[i], x1[j]).
 * @example function2Grid(-1, 1, 3).z; // → [[2, 1, 2], [1, 0, 1], [2, 1, 2]]
 */
export function function2Grid(lo: number, hi: number, n: number): Grid2D {
  const axis = Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
  return { x0: axis, x1: axis, z: axis.map((b) => axis.map((a) => a * a + b * b)) };
}
