import { add } from './add.js';
import { mul } from './mul.js';
import { Variable } from './variable.js';

/** The book's shopping graph after forward and backward: every variable, by the book's name. */
export interface ShoppingGraph {
  /** The total, the graph's output. */
  readonly price: Variable;
  /** Every variable by name (apple, apple_num, …, price); each grad is ∂price/∂variable. */
  readonly variables: Readonly<Record<string, Variable>>;
}

/**
 * buy_apple.py as a graph: price = (apple · apple_num) · tax, with the book's 100, 2 and 1.1,
 * forward and backward run (intermediate gradients retained, as the figure shows them).
 * price = 220.00000000000003; ∂/∂apple = 2.2, ∂/∂apple_num = 110.00000000000001, ∂/∂tax = 200.
 * Shapes: all 0-d. Book: buy_apple.py (ch05 §5.4.1, fig 5-16).
 * @example buyApple().variables.apple.grad?.item()  // 2.2
 */
export function buyApple(apple = 100, appleNum = 2, tax = 1.1): ShoppingGraph {
  const v = {
    apple: new Variable(apple, { name: 'apple' }),
    apple_num: new Variable(appleNum, { name: 'apple_num' }),
    tax: new Variable(tax, { name: 'tax' }),
  };
  const applePrice = named(mul(v.apple, v.apple_num), 'apple_price');
  const price = named(mul(applePrice, v.tax), 'price');
  price.backward({ retainGrad: true });
  return { price, variables: { ...v, apple_price: applePrice, price } };
}

/**
 * buy_apple_orange.py as a graph: price = (apple · apple_num + orange · orange_num) · tax with
 * the book's 100, 2, 150, 3 and 1.1, forward and backward run (intermediate gradients retained).
 * price = 715.0000000000001; ∂/∂apple = 2.2, ∂/∂apple_num = 110.00000000000001,
 * ∂/∂orange = 3.3000000000000003, ∂/∂orange_num = 165, ∂/∂tax = 650.
 * Shapes: all 0-d. Book: buy_apple_orange.py (ch05 §5.4.2, fig 5-17).
 * @example buyAppleOrange().variables.orange_num.grad?.item()  // 165
 */
export function buyAppleOrange(
  apple = 100,
  appleNum = 2,
  orange = 150,
  orangeNum = 3,
  tax = 1.1,
): ShoppingGraph {
  const v = {
    apple: new Variable(apple, { name: 'apple' }),
    apple_num: new Variable(appleNum, { name: 'apple_num' }),
    orange: new Variable(orange, { name: 'orange' }),
    orange_num: new Variable(orangeNum, { name: 'orange_num' }),
    tax: new Variable(tax, { name: 'tax' }),
  };
  const applePrice = named(mul(v.apple, v.apple_num), 'apple_price');
  const orangePrice = named(mul(v.orange, v.orange_num), 'orange_price');
  const allPrice = named(add(applePrice, orangePrice), 'all_price');
  const price = named(mul(allPrice, v.tax), 'price');
  price.backward({ retainGrad: true });
  return {
    price,
    variables: {
      ...v,
      apple_price: applePrice,
      orange_price: orangePrice,
      all_price: allPrice,
      price,
    },
  };
}

function named(v: Variable, name: string): Variable {
  v.name = name;
  return v;
}
