/**
 * Thrown when a chart builder receives data it cannot draw: mismatched lengths, empty series,
 * a grid whose rows do not match its axes, an option out of range.
 *
 * The message names the function and argument, what was expected and what was found.
 * @example
 * lineChart([{ name: 'loss', x: [0, 1], y: [1] }], { title: 'loss' }); // → throws PlotInputError: lineChart: series[0] ('loss'): expected y.length === x.length (2), found 1
 */
export class PlotInputError extends Error {
  override readonly name = 'PlotInputError';
}
