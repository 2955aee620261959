import { add } from '../graph/add.js';
import { getDotGraph } from '../graph/dot-graph.js';
import { describeGraph } from '../graph/graph-description.js';
import { layoutGraph } from '../graph/graph-layout.js';
import { mul } from '../graph/mul.js';
import { pow } from '../graph/pow.js';
import { buyApple, buyAppleOrange, type ShoppingGraph } from '../graph/shopping.js';
import { Variable } from '../graph/variable.js';
import { TwoLayerNet } from '../models/two-layer-net.js';
import { VariableTwoLayerNet } from '../models/variable-two-layer-net.js';
import { numericalDiff } from '../numerical/numerical-diff.js';
import { graphChart } from '../plot/graph-chart.js';
import { fromArray, randn } from '../tensor/creation.js';
import { createRng } from '../tensor/rng.js';
import type { Tensor } from '../tensor/tensor.js';
import type {
  Experiment,
  ExperimentContext,
  ExperimentFigure,
  ExperimentResult,
} from './experiment.js';

const figure = (
  name: string,
  caption: string,
  title: string,
  ...outputs: Variable[]
): ExperimentFigure => ({
  name,
  caption,
  spec: graphChart(layoutGraph(describeGraph(...outputs)), { title }),
});

const gradOf = (g: ShoppingGraph, name: string): number =>
  g.variables[name].grad?.item() ?? Number.NaN;

/** The book's add- and multiply-node examples: 10 + 5 and 10 × 5 with upstream gradient 1.3. */
function nodeRules(): { sum: Variable; product: Variable; grads: number[] } {
  const [a, b, c, d] = [10, 5, 10, 5].map(
    (v, i) => new Variable(v, { name: i % 2 === 0 ? 'x' : 'y' }),
  );
  const sum = add(a, b);
  sum.name = 'z';
  const product = mul(c, d);
  product.name = 'z';
  sum.backward({ grad: 1.3, retainGrad: true });
  product.backward({ grad: 1.3, retainGrad: true });
  const g = (v: Variable): number => v.grad?.item() ?? Number.NaN;
  return { sum, product, grads: [g(a), g(b), g(c), g(d)] };
}

/** z = t², t = x + y at x = 1, y = 2: ∂z/∂x = ∂z/∂t · ∂t/∂x = 2t · 1 = 6. */
function chainRule(): { z: Variable; t: Variable; x: Variable; y: Variable } {
  const x = new Variable(1, { name: 'x' });
  const y = new Variable(2, { name: 'y' });
  const t = add(x, y);
  t.name = 't';
  const z = pow(t, 2);
  z.name = 'z';
  z.backward({ retainGrad: true });
  return { z, t, x, y };
}

/** The two-layer net's loss graph on a seeded batch, and how far its gradients are from the layers'. */
function twoLayerLoss(seed: number): { loss: Variable; diff: number; lossDiff: number } {
  const rng = createRng(seed);
  const net = new TwoLayerNet(784, 50, 10, { rng, weightInitStd: 0.1 });
  const x = randn([100, 784], rng);
  const t = Int32Array.from({ length: 100 }, (_, i) => (i * 7 + seed) % 10);
  const layers = net.gradient(x, t);
  const copies: Record<string, Tensor> = {};
  for (const [k, v] of Object.entries(layers.grads)) copies[k] = fromArray(v.data, v.shape);
  const graphNet = new VariableTwoLayerNet(net.params as never);
  const loss = graphNet.loss(x, t);
  loss.name = 'L';
  loss.backward({ retainGrad: true });
  let diff = 0;
  for (const [k, p] of Object.entries(graphNet.params)) {
    const a = (p.grad as Variable).data.data;
    const b = copies[k].data;
    for (let i = 0; i < a.length; i++) diff = Math.max(diff, Math.abs(a[i] - b[i]));
  }
  return { loss, diff, lossDiff: Math.abs(loss.item() - layers.loss) };
}

/**
 * computational-graph: the book's chapter-5 figures drawn from Variables. buy_apple.py (220;
 * 2.2, 110, 200) and buy_apple_orange.py (715; 2.2, 110, 3.3, 165, 650), the add and multiply
 * rules on 10 + 5 and 10 × 5 with upstream 1.3 (1.3, 1.3; 6.5, 13), the chain rule on
 * z = (x + y)² at (1, 2) (z = 9, ∂z/∂x = 6), and the loss graph of the two-layer net, whose
 * gradients equal the layers' (the largest difference is in summary.json). Every figure shows
 * forward values above the edges and gradients below, in red.
 * Book: ch05 §5.1–5.4 (buy_apple.py, buy_apple_orange.py), §5.2.2 (chain rule), §5.7.
 * @example computationalGraphExperiment.run({ size: 'tiny', seed: 0 }).numbers.price // 715.0000000000001
 */
export const computationalGraphExperiment: Experiment = {
  name: 'computational-graph',
  title: 'Computational graphs',
  claim:
    'Backpropagation on a computational graph passes each node the upstream gradient times its local gradient: for buy_apple_orange.py the price 715 has gradients 2.2, 110, 3.3, 165 and 650, an add node passes 1.3 through, a multiply node swaps its inputs (6.5, 13), and the chain rule on z = (x + y)² gives ∂z/∂x = 6 at (1, 2) (ch05 §5.1–5.4).',
  book: 'ch05 §5.1–5.4',
  note: {
    source: 'note 002, Backpropagation; note 004, 4.2 계산 그래프',
    quote:
      '원하는 gradient = upstream gradient * local gradient\n이를 계산 그래프를 이용하여 더 알기 쉽게 표현해볼 수 있다.',
  },
  needsMnist: false,
  run(context: ExperimentContext): ExperimentResult {
    const apple = buyApple();
    const fruit = buyAppleOrange();
    const rules = nodeRules();
    const chain = chainRule();
    const net = twoLayerLoss(context.seed);
    const price = (xs: number[]) => buyAppleOrange(xs[0], xs[1], xs[2], xs[3], xs[4]).price.item();
    const base = [100, 2, 150, 3, 1.1];
    const names = ['apple', 'apple_num', 'orange', 'orange_num', 'tax'];
    const numericalGrads = names.map((_, i) =>
      numericalDiff((v) => price(base.map((b, j) => (j === i ? v : b))), base[i]),
    );
    const backpropGrads = names.map((n) => gradOf(fruit, n));
    const worstNumerical = Math.max(
      ...numericalGrads.map((n, i) => Math.abs(n - backpropGrads[i])),
    );
    const figures = [
      figure(
        'apple',
        'buy_apple.py: 2 apples at 100 with tax 1.1 cost 220; backward from 1 gives ∂price/∂apple = 2.2, ∂/∂apple_num = 110, ∂/∂tax = 200.',
        'Buying apples (buy_apple.py)',
        apple.price,
      ),
      figure(
        'apple-orange',
        'buy_apple_orange.py: the add node passes 1.1 to both prices; each multiply node sends the upstream gradient times the other input.',
        'Buying apples and oranges (buy_apple_orange.py)',
        fruit.price,
      ),
      figure(
        'node-rules',
        'The add node passes the upstream 1.3 unchanged to both inputs; the multiply node sends 1.3 × 5 = 6.5 to x and 1.3 × 10 = 13 to y.',
        'Add and multiply nodes with upstream gradient 1.3',
        rules.sum,
        rules.product,
      ),
      figure(
        'chain-rule',
        'z = t², t = x + y at (1, 2): ∂z/∂t = 2t = 6, and the add node passes it on: ∂z/∂x = ∂z/∂y = 6.',
        'Chain rule: z = (x + y)²',
        chain.z,
      ),
      figure(
        'two-layer-loss',
        'The two-layer net as one graph: Linear, ReLU, Linear, SoftmaxCrossEntropy. Edges show the shapes of the values (black) and of their gradients (red).',
        'The loss of the two-layer net (784-50-10, batch 100)',
        net.loss,
      ),
    ];
    const item = (v: Variable): number => v.item();
    return {
      figures,
      key: [
        { label: 'price (buy_apple_orange.py)', value: fruit.price.item() },
        {
          label: 'dApple, dApple_num',
          value: `${gradOf(fruit, 'apple')}, ${gradOf(fruit, 'apple_num')}`,
        },
        {
          label: 'dOrange, dOrange_num',
          value: `${gradOf(fruit, 'orange')}, ${gradOf(fruit, 'orange_num')}`,
        },
        { label: 'dTax', value: gradOf(fruit, 'tax') },
        { label: 'chain rule ∂z/∂x at (1, 2)', value: chain.x.grad?.item() ?? Number.NaN },
        { label: 'two-layer net: max |Variable − layer| gradient', value: net.diff },
      ],
      numbers: {
        applePrice: apple.price.item(),
        appleGrads: {
          apple: gradOf(apple, 'apple'),
          apple_num: gradOf(apple, 'apple_num'),
          tax: gradOf(apple, 'tax'),
        },
        price: fruit.price.item(),
        grads: Object.fromEntries(
          [
            'apple',
            'apple_num',
            'orange',
            'orange_num',
            'tax',
            'apple_price',
            'orange_price',
            'all_price',
          ].map((n) => [n, gradOf(fruit, n)]),
        ),
        numericalGrads: Object.fromEntries(names.map((n, i) => [n, numericalGrads[i]])),
        worstNumericalDifference: worstNumerical,
        nodeRules: {
          add: { z: item(rules.sum), dx: rules.grads[0], dy: rules.grads[1] },
          mul: { z: item(rules.product), dx: rules.grads[2], dy: rules.grads[3] },
        },
        chainRule: {
          z: item(chain.z),
          dzdt: chain.t.grad?.item() ?? null,
          dzdx: chain.x.grad?.item() ?? null,
          dzdy: chain.y.grad?.item() ?? null,
        },
        twoLayer: {
          loss: item(net.loss),
          maxGradientDifference: net.diff,
          lossDifference: net.lossDiff,
        },
        dot: { apple: getDotGraph(apple.price), appleOrange: getDotGraph(fruit.price) },
      },
    };
  },
};
