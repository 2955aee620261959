import onnxProto from 'onnx-proto';

/** The generated ONNX protobuf classes (onnx-proto, from ONNX's onnx.proto). */
export const { onnx } = onnxProto;

/** One node of an ONNX graph. */
export type Node = InstanceType<typeof onnx.NodeProto>;
/** A constant tensor of an ONNX graph (weights, scaling). */
export type Initializer = InstanceType<typeof onnx.TensorProto>;

/**
 * A float32 constant: values rounded to float32, C order.
 * Shapes: values (∏dims).
 * @example floatTensor('input_scale', [], [255]);
 */
export function floatTensor(
  name: string,
  dims: readonly number[],
  values: ArrayLike<number>,
): Initializer {
  return onnx.TensorProto.create({
    name,
    dims: [...dims],
    dataType: onnx.TensorProto.DataType.FLOAT,
    floatData: Array.from(values, (v) => Math.fround(v)),
  });
}

/**
 * An int64 constant (Slice's starts, ends and axes).
 * @example intTensor('starts', [1], [0]);
 */
export function intTensor(
  name: string,
  dims: readonly number[],
  values: readonly number[],
): Initializer {
  return onnx.TensorProto.create({
    name,
    dims: [...dims],
    dataType: onnx.TensorProto.DataType.INT64,
    int64Data: [...values],
  });
}

/**
 * A graph input or output: float32 with the given dimensions (a string is a symbolic one, 'N').
 * @example valueInfo('x', ['N', 784]);
 */
export function valueInfo(name: string, dims: readonly (number | string)[]) {
  return onnx.ValueInfoProto.create({
    name,
    type: {
      tensorType: {
        elemType: onnx.TensorProto.DataType.FLOAT,
        shape: {
          dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })),
        },
      },
    },
  });
}

/**
 * One node writing `output`, named after it. Attributes: integers as INT, except `alpha` (and
 * any fraction) as FLOAT.
 * @example node('Softmax', ['logits'], 'probabilities', { axis: 1 });
 */
export function node(
  opType: string,
  inputs: string[],
  output: string,
  attrs: Record<string, number> = {},
): Node {
  return onnx.NodeProto.create({
    opType,
    name: output,
    input: inputs,
    output: [output],
    attribute: Object.entries(attrs).map(([name, v]) =>
      Number.isInteger(v) && name !== 'alpha'
        ? { name, type: onnx.AttributeProto.AttributeType.INT, i: v }
        : { name, type: onnx.AttributeProto.AttributeType.FLOAT, f: v },
    ),
  });
}
