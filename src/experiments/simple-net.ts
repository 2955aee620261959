import { SimpleNet } from '../models/simple-net.js';
import { barChart } from '../plot/bar-chart.js';
import { softmax } from '../functions/activations.js';
import { SoftmaxWithLoss } from '../layers/softmax-with-loss.js';
import { tensor } from '../tensor/creation.js';
import { argmaxRows } from '../tensor/ops/reduce.js';
import { createRng } from '../tensor/rng.js';
import type { Tensor } from '../tensor/tensor.js';
import type { Experiment, ExperimentContext, ExperimentResult } from './experiment.js';

/** The book's fixed W of gradient_simplenet.py (its printed randn draw), input and label. */
export const BOOK_SIMPLE_NET = {
  W: [
    [0.47355232, 0.9977393, 0.84668094],
    [0.85557411, 0.03563661, 0.69422093],
  ],
  x: [0.6, 0.9],
  t: [0, 0, 1],
} as const;

/** A number as NumPy prints it in an array: 8 decimals, trailing zeros dropped. */
function npNumber(v: number): string {
  return v.toFixed(8).replace(/0+$/, '').replace(/\.$/, '.');
}

/**
 * A 1-D or 2-D tensor as NumPy prints it: [a b c] or [[a b c]\n [d e f]], aligned on the decimal
 * point (integer parts padded on the left, decimals on the right, as NumPy does).
 * @example numpyString(tensor([1.05414809, 0.63071653, 1.1328074])); // → '[1.05414809 0.63071653 1.1328074 ]'
 */
export function numpyString(t: Tensor): string {
  const cols = t.shape[t.ndim - 1]!;
  const cells = Array.from(t.data, npNumber).map((c) => c.split('.'));
  const intWidth = Math.max(...cells.map(([i]) => i!.length));
  const fracWidth = Math.max(...cells.map(([, f]) => f!.length));
  const text = cells.map(([i, f]) => `${i!.padStart(intWidth)}.${f!.padEnd(fracWidth)}`);
  const rows = Array.from(
    { length: t.size / cols },
    (_, r) => `[${text.slice(r * cols, (r + 1) * cols).join(' ')}]`,
  );
  return t.ndim === 1 ? rows[0]! : `[${rows.join('\n ')}]`;
}

/** Runs one simpleNet: prediction, loss, numerical and backprop dW, and the session as text. */
function inspect(net: SimpleNet, label: string) {
  const x = tensor([...BOOK_SIMPLE_NET.x]);
  const t = [...BOOK_SIMPLE_NET.t];
  const W = numpyString(net.W);
  const p = net.predict(x);
  const scores = Array.from(p.data);
  const probabilities = Array.from(softmax(p).data);
  const argmax = argmaxRows(p)[0]!;
  const loss = net.loss(x, t);
  const dW = net.numericalGradient(x, t).W!;
  const numerical = numpyString(dW);
  const backprop = net.gradient(x, t).grads.W!;
  let maxDiff = 0;
  for (let i = 0; i < dW.size; i++)
    maxDiff = Math.max(maxDiff, Math.abs(dW.data[i]! - backprop.data[i]!));
  const session = [
    `# ${label}`,
    '>>> net.W',
    W,
    '>>> x = np.array([0.6, 0.9])',
    '>>> p = net.predict(x)',
    '>>> print(p)',
    numpyString(p),
    '>>> np.argmax(p)',
    String(argmax),
    '>>> t = np.array([0, 0, 1])',
    '>>> net.loss(x, t)',
    String(loss),
    '>>> dW = numerical_gradient(f, net.W)',
    '>>> print(dW)',
    numerical,
  ].join('\n');
  return {
    scores,
    probabilities,
    argmax,
    loss,
    dW: Array.from(dW.data),
    backpropDW: Array.from(backprop.data),
    maxDiff,
    session,
  };
}

/**
 * simple-net: the book's simpleNet (x·W, softmax, cross-entropy) with its fixed W and with a
 * seeded random W: the prediction, the loss and the numerical gradient dW, printed as the book's
 * §4.4.2 prints them, with the backprop dW beside it. dW's sign says which way each weight should move.
 * Key numbers: loss 0.9280682857864075 and dW[0] = [0.21924757, 0.14356243, -0.36281] with the
 * book's W (the 1e-7 of cross_entropy_error included; the book prints 0.92806853663411326 without it).
 * Book: gradient_simplenet.py, ch04 §4.4.2.
 * @example simpleNetExperiment.run({ size: 'tiny', seed: 0 }).numbers.book
 */
export const simpleNetExperiment: Experiment = {
  name: 'simple-net',
  title: 'The gradient of a simple network',
  claim:
    "The gradient of the loss with respect to a weight matrix has the matrix's shape, and each entry says how the loss changes when that weight moves: for the book's simpleNet the loss is 0.9280682857864075 and dW = [[0.219, 0.144, −0.363], [0.329, 0.215, −0.544]], so the weights into the true class should grow (ch04 §4.4.2).",
  book: 'ch04 §4.4.2',
  note: {
    source: 'note 001, 신경망에서의 기울기',
    quote:
      'W는 random 으로 2행 3열의 행렬 생성\n…\n위 식에서 `y = [0.36541271 0.23927078 0.39531651]`\n…\n0.92806853663411326',
  },
  needsMnist: false,
  run(context: ExperimentContext): ExperimentResult {
    const book = inspect(
      new SimpleNet(tensor(BOOK_SIMPLE_NET.W.map((r) => [...r]))),
      "the book's W",
    );
    const random = inspect(
      new SimpleNet(createRng(context.seed)),
      `W ~ N(0, 1), seed ${context.seed}`,
    );
    // The book's printed loss and dW were made without the 1e-7 in the log: the δ = 0 variant. Its
    // loss still differs from the print by 2e-9, because the book shows W rounded to 8 digits.
    const noDelta = inspect(
      new SimpleNet(
        tensor(BOOK_SIMPLE_NET.W.map((r) => [...r])),
        new SoftmaxWithLoss({ delta: 0 }),
      ),
      "the book's W, delta = 0",
    );
    // softmax's intermediates as the book prints them: a = x·W, a − max(a), y = exp(·)/Σexp(·).
    const shifted = book.scores.map((v) => v - Math.max(...book.scores));
    const entries = ['W11', 'W12', 'W13', 'W21', 'W22', 'W23'];
    return {
      figures: [
        {
          name: 'softmax-output',
          caption: `softmax(x·W) for x = (0.6, 0.9) with the book's W: class ${book.argmax} is predicted (highlighted); the true class is 2, whose probability ${book.probabilities[2]!.toFixed(4)} gives the loss −log p = ${book.loss.toFixed(4)}.`,
          spec: barChart(['0', '1', '2'], book.probabilities, {
            title: "simpleNet's prediction (book's W)",
            xLabel: 'class',
            yLabel: 'softmax probability',
            yDomain: [0, 1],
            highlight: book.argmax,
            valueFormat: '.4f',
          }),
        },
        {
          name: 'dW',
          caption:
            'The numerical gradient dW = ∂L/∂W: positive entries (weights into classes 0 and 1) should shrink, negative ones (into the true class 2) should grow; the second row is 1.5 times the first because x1 / x0 = 0.9 / 0.6.',
          spec: barChart(entries, book.dW, {
            title: "dW of simpleNet (book's W), numerical",
            xLabel: 'weight',
            yLabel: '∂L/∂W',
            // Labels above the bars would sit inside the negative ones; the session prints the values.
            valueLabels: false,
          }),
        },
      ],
      key: [
        { label: 'loss (book W)', value: book.loss },
        { label: 'session (book W)', value: book.session },
        { label: 'max |numerical − backprop dW| (book W)', value: book.maxDiff },
        { label: 'softmax: a − max(a)', value: `[${shifted.map((v) => v.toFixed(8)).join(' ')}]` },
        {
          label: 'softmax: y',
          value: `[${book.probabilities.map((v) => v.toFixed(8)).join(' ')}]`,
        },
        {
          label:
            'loss with delta = 0 (the book prints 0.92806853663411326; the 2e-9 left is its W, printed to 8 digits)',
          value: noDelta.loss,
        },
        {
          label: 'dW with delta = 0, first row',
          value: `[${noDelta.dW
            .slice(0, 3)
            .map((v) => v.toFixed(8))
            .join(' ')}]`,
        },
        { label: `session (random W, seed ${context.seed})`, value: random.session },
      ],
      numbers: {
        x: [...BOOK_SIMPLE_NET.x],
        t: [...BOOK_SIMPLE_NET.t],
        book,
        softmaxShifted: shifted,
        noDelta,
        random,
      },
    };
  },
};
