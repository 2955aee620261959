/**
 * Whether graph functions record the graph (DeZero's Config.enable_backprop). On by default;
 * `noGrad` turns it off for evaluation, and `backward` turns it on or off while it runs the
 * backward pass, depending on `createGraph`.
 */
let enableBackprop = true;

/**
 * True while graph functions record their inputs and outputs for backward.
 * @example isBackpropEnabled()  // true, and false inside noGrad(() => isBackpropEnabled())
 */
export function isBackpropEnabled(): boolean {
  return enableBackprop;
}

/**
 * Runs `fn` with recording on or off and restores the previous setting afterwards, even when `fn`
 * throws. Book: DeZero's using_config('enable_backprop', value).
 * @example usingBackprop(false, () => isBackpropEnabled())  // false
 */
export function usingBackprop<T>(value: boolean, fn: () => T): T {
  const previous = enableBackprop;
  enableBackprop = value;
  try {
    return fn();
  } finally {
    enableBackprop = previous;
  }
}

/**
 * Runs `fn` without recording the graph: the results have no creator, and nothing keeps the
 * inputs alive, which is what evaluation wants (less memory, no backward). Book: DeZero's no_grad.
 * @example
 * const x = new Variable(tensor([1, 2]));
 * const y = noGrad(() => x.mul(2));
 * y.creator; // → null
 */
export function noGrad<T>(fn: () => T): T {
  return usingBackprop(false, fn);
}
