/**
 * Addition node of a computational graph, on plain numbers:
 *   out = x + y;  ∂L/∂x = ∂L/∂y = dout (the gradient passes through unchanged).
 * Nothing needs caching, so backward may run before forward (as in the book).
 * Shapes: x, y, dout plain numbers. Book: AddLayer (ch05 §5.4.2, layer_naive.py).
 * @example
 * const add = new AddLayer();
 * add.forward(200, 450); // → 650
 * add.backward(1.1); // → [1.1, 1.1]
 */
export class AddLayer {
  forward(x: number, y: number): number {
    return x + y;
  }

  /** [∂L/∂x, ∂L/∂y] given dout = ∂L/∂out. */
  backward(dout: number): [dx: number, dy: number] {
    return [dout, dout];
  }
}
