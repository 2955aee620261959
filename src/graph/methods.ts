import { add } from './add.js';
import { broadcastTo, sumTo } from './broadcast.js';
import { div } from './div.js';
import { exp } from './exp.js';
import { log } from './log.js';
import { matmul } from './matmul.js';
import { mean } from './mean.js';
import { mul } from './mul.js';
import { neg } from './neg.js';
import { pow } from './pow.js';
import { relu } from './relu.js';
import { reshape } from './reshape.js';
import { sigmoid } from './sigmoid.js';
import { sub } from './sub.js';
import { sum } from './sum.js';
import { tanh } from './tanh.js';
import { transpose } from './transpose.js';
import { cos, sin } from './trig.js';
import { installGraphOps } from './variable.js';

// Importing this module gives Variable its methods (x.add(y) is add(x, y)).
installGraphOps({
  add,
  sub,
  mul,
  div,
  neg,
  pow,
  exp,
  log,
  sin,
  cos,
  tanh,
  sigmoid,
  relu,
  matmul,
  sum,
  mean,
  reshape,
  transpose,
  broadcastTo,
  sumTo,
});
