/**
 * A small builder for ONNX graphs, used by the scripts that generate the expert models.
 * It writes ModelProto bytes with onnx-proto, so every shipped model is reproducible from source.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** Attribute values the builder knows how to encode. */
export type AttrValue = number | number[] | string | { ints: number[] } | { floats: number[] } | { tensor: ConstTensor };

/** A constant tensor: float32 or int64 data with its shape. */
export interface ConstTensor {
  data: ArrayLike<number>;
  dims: number[];
  type?: 'float' | 'int64';
}

/** Symbolic or fixed dimension of a graph input/output. */
export type Dim = number | string;

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;

function isIntegerList(v: number[]): boolean {
  return v.every((x) => Number.isInteger(x));
}

/** Builds one ONNX graph node by node; names are generated unless given. */
export class GraphBuilder {
  private readonly nodes: onnxProto.onnx.INodeProto[] = [];
  private readonly initializers: onnxProto.onnx.ITensorProto[] = [];
  private readonly inputs: onnxProto.onnx.IValueInfoProto[] = [];
  private readonly outputs: onnxProto.onnx.IValueInfoProto[] = [];
  private counter = 0;

  constructor(readonly name: string) {}

  private live() {
    return liveParts(this.nodes, this.initializers, this.outputs.map((o) => o.name ?? ''));
  }

  /** A fresh unique value name with a readable prefix. */
  fresh(prefix = 'v'): string {
    this.counter += 1;
    return `${prefix}_${this.counter}`;
  }

  /** Declares a graph input. */
  input(name: string, dims: Dim[], type: 'float' | 'int64' = 'float'): string {
    this.inputs.push(valueInfo(name, dims, type === 'float' ? FLOAT : INT64));
    return name;
  }

  /** Declares a graph output; `value` is renamed to `name` through an Identity node. */
  output(value: string, name: string, dims: Dim[], type: 'float' | 'int64' = 'float'): void {
    this.nodes.push({ opType: 'Identity', input: [value], output: [name], name: this.fresh('out') });
    this.outputs.push(valueInfo(name, dims, type === 'float' ? FLOAT : INT64));
  }

  /** A constant stored as an initializer. */
  constant(t: ConstTensor, prefix = 'c'): string {
    const name = this.fresh(prefix);
    this.initializers.push(tensorProto(name, t));
    return name;
  }

  /** Shorthand for a float scalar constant. */
  scalar(v: number): string {
    return this.constant({ data: [v], dims: [] });
  }

  /** Shorthand for a 1-D int64 constant (shapes, axes, indices). */
  ints(v: number[]): string {
    return this.constant({ data: v, dims: [v.length], type: 'int64' });
  }

  /** Adds a node with one output and returns that output's name. */
  op(opType: string, inputs: string[], attrs: Record<string, AttrValue> = {}): string {
    return this.opN(opType, inputs, 1, attrs)[0] as string;
  }

  /** Adds a node with `n` outputs. */
  opN(opType: string, inputs: string[], n: number, attrs: Record<string, AttrValue> = {}): string[] {
    const outputs = Array.from({ length: n }, () => this.fresh(opType.toLowerCase()));
    this.nodes.push({
      opType,
      input: inputs,
      output: outputs,
      name: this.fresh(`n_${opType}`),
      attribute: Object.entries(attrs).map(([k, v]) => attribute(k, v)),
    });
    return outputs;
  }

  /**
   * Serialises the model (opset 18) to protobuf bytes. Nodes whose outputs nothing reads (a helper's
   * unused second result) are left out, with the constants only they read: onnxruntime would run them.
   */
  toBytes(opset = 18): Uint8Array {
    const { nodes, initializers } = this.live();
    const model = onnx.ModelProto.create({
      irVersion: 8,
      producerName: 'qrouter-web',
      producerVersion: '1',
      opsetImport: [{ domain: '', version: opset }],
      graph: {
        name: this.name,
        node: nodes,
        initializer: initializers,
        input: this.inputs,
        output: this.outputs,
      },
    });
    return onnx.ModelProto.encode(model).finish();
  }
}

/** Nodes and constants that the graph's outputs depend on, in their original order. */
function liveParts(nodes: onnxProto.onnx.INodeProto[], initializers: onnxProto.onnx.ITensorProto[], outputs: string[]) {
  const needed = new Set(outputs);
  const kept: onnxProto.onnx.INodeProto[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    if (!(node.output ?? []).some((o) => needed.has(o))) continue;
    kept.push(node);
    for (const input of node.input ?? []) needed.add(input);
  }
  return { nodes: kept.reverse(), initializers: initializers.filter((t) => needed.has(t.name ?? '')) };
}

function valueInfo(name: string, dims: Dim[], elemType: number): onnxProto.onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

function tensorProto(name: string, t: ConstTensor): onnxProto.onnx.ITensorProto {
  const type = t.type ?? 'float';
  const size = t.dims.reduce((a, b) => a * b, 1);
  if (t.data.length !== size) throw new Error(`constant ${name}: ${t.data.length} values for dims ${t.dims}`);
  if (type === 'float') {
    const f = Float32Array.from(t.data);
    return { name, dims: t.dims, dataType: FLOAT, rawData: new Uint8Array(f.buffer) };
  }
  const i = BigInt64Array.from(Array.from(t.data, (x) => BigInt(Math.trunc(x))));
  return { name, dims: t.dims, dataType: INT64, rawData: new Uint8Array(i.buffer) };
}

function attribute(name: string, v: AttrValue): onnxProto.onnx.IAttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof v === 'string') return { name, type: T.STRING, s: new TextEncoder().encode(v) };
  if (typeof v === 'number') {
    return Number.isInteger(v) ? { name, type: T.INT, i: v } : { name, type: T.FLOAT, f: v };
  }
  if (Array.isArray(v)) {
    return isIntegerList(v) ? { name, type: T.INTS, ints: v } : { name, type: T.FLOATS, floats: v };
  }
  if ('ints' in v) return { name, type: T.INTS, ints: v.ints };
  if ('floats' in v) return { name, type: T.FLOATS, floats: v.floats };
  return { name, type: T.TENSOR, t: tensorProto(`${name}_value`, v.tensor) };
}
