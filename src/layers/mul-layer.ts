import { required } from './layer.js';

/**
 * Multiplication node of a computational graph, on plain numbers:
 *   out = x·y;  ∂L/∂x = dout·y,  ∂L/∂y = dout·x (the inputs swap places).
 * Shapes: x, y, dout plain numbers. Book: MulLayer (ch05 §5.4.1, layer_naive.py), the apple-shopping example.
 * @example
 * const appleLayer = new MulLayer();
 * appleLayer.forward(100, 2); // → 200
 * appleLayer.backward(1.1); // → [2.2, 110.00000000000001]
 */
export class MulLayer {
  #x?: number;
  #y?: number;

  forward(x: number, y: number): number {
    this.#x = x;
    this.#y = y;
    return x * y;
  }

  /** [∂L/∂x, ∂L/∂y] given dout = ∂L/∂out. */
  backward(dout: number): [dx: number, dy: number] {
    const x = required(this.#x, 'MulLayer');
    const y = required(this.#y, 'MulLayer');
    return [dout * y, dout * x];
  }
}
