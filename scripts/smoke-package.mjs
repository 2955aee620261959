// Imports the built package by its own name, as another project would, and runs a tiny check.
import { TwoLayerNet, crossEntropyLoss, numericalGradient, tensor, createRng } from 'gradlab';

const net = new TwoLayerNet(4, 5, 3, { rng: createRng(1) });
const x = tensor([[0.1, 0.2, 0.3, 0.4]]);
const { loss } = net.gradient(x, [2]);
const ce = crossEntropyLoss([[1, 2, 3]], [2]);
const g = numericalGradient((t) => t.data[0] ** 2, tensor([3]));
if (!(loss > 0) || Math.abs(ce - 0.40760596444438) > 1e-12 || Math.abs(g.data[0] - 6) > 1e-6) {
  console.error('package smoke test failed', { loss, ce, g: g.data[0] });
  process.exit(1);
}
console.log(`package smoke test passed: import { TwoLayerNet, crossEntropyLoss, numericalGradient } from 'gradlab'`);
