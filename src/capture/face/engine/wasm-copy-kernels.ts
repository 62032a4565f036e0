/**
 * The wasm backend's two kernels that move data in JavaScript, rewritten to copy between views of
 * the WebAssembly heap in runs as long as the tensors' layout allows. tfjs' own Slice first copies
 * its whole input out of the heap (face-api cuts each face out of the full frame: the frame was
 * copied every time), and its Concat copies one element at a time when the inputs are one channel
 * wide (face-api's mean-colour normalisation joins three one-channel planes of every input). With
 * them, JavaScript copying took more of a guided frame than the models' WebAssembly did.
 * Numeric tensors only: the two models slice and join no strings.
 */
import {
  backend_util,
  Concat,
  slice_util,
  Slice,
  util,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm/dist/backend_wasm.js';

type TypedArray = backend_util.TypedArray;

/** Below this many elements a run is copied element by element: cheaper than making a subarray. */
const SHORT_RUN = 16;

/** Copies `length` elements of `from` at `fromOffset` into `to` at `toOffset`. */
function copyRun(from: TypedArray, fromOffset: number, to: TypedArray, toOffset: number, length: number): void {
  if (length < SHORT_RUN) {
    for (let i = 0; i < length; i++) to[toOffset + i] = from[fromOffset + i]!;
  } else {
    to.set(from.subarray(fromOffset, fromOffset + length), toOffset);
  }
}

/**
 * Copies the block of `size` at `begin` of a row-major tensor of `shape` (its values `from`) into
 * `to`, densely. The trailing axes the block spans whole join the innermost run, so a region of an
 * image (all its channels) is copied a row at a time.
 */
export function copyBlock(
  from: TypedArray,
  shape: readonly number[],
  begin: readonly number[],
  size: readonly number[],
  to: TypedArray,
): void {
  let inner = shape.length - 1;
  let run = 1;
  while (inner > 0 && begin[inner] === 0 && size[inner] === shape[inner]) run *= shape[inner--]!;
  const strides = [...util.computeStrides([...shape]), 1];
  const runLength = run * (size[inner] ?? 1);
  const outer = size.slice(0, inner);
  const index = outer.map(() => 0);
  const runs = outer.reduce((product, length) => product * length, 1);
  for (let n = 0, toOffset = 0; n < runs; n++, toOffset += runLength) {
    let fromOffset = (begin[inner] ?? 0) * strides[inner]!;
    for (let axis = 0; axis < inner; axis++) fromOffset += (begin[axis]! + index[axis]!) * strides[axis]!;
    copyRun(from, fromOffset, to, toOffset, runLength);
    // The next run: the odometer of the outer axes.
    for (let axis = inner - 1; axis >= 0 && ++index[axis]! === outer[axis]; axis--) index[axis] = 0;
  }
}

/** Slice for the wasm backend: the block is copied straight from the input's heap view. */
function slice({
  inputs: { x },
  attrs: { begin, size },
  backend,
}: {
  inputs: { x: TensorInfo };
  attrs: { begin: number | number[]; size?: number | number[] };
  backend: BackendWasm;
}): TensorInfo {
  const [begin_ = [], size_ = []] = slice_util.parseSliceParams(
    x as Parameters<typeof slice_util.parseSliceParams>[0],
    begin,
    size,
  );
  const out = backend.makeOutput(size_, x.dtype);
  // Views are taken after makeOutput: growing the heap for the output detaches older ones.
  if (util.sizeFromShape(size_) > 0) {
    copyBlock(backend.typedArrayFromHeap(x), x.shape, begin_, size_, backend.typedArrayFromHeap(out));
  }
  return out;
}

/** Concat for the wasm backend: each input's slice of every outer position copied as one run. */
function concat({
  inputs,
  attrs: { axis: axisParam },
  backend,
}: {
  inputs: TensorInfo[];
  attrs: { axis: number | number[] };
  backend: BackendWasm;
}): TensorInfo {
  const axis = util.parseAxisParam(axisParam, inputs[0]!.shape)[0]!;
  backend_util.assertParamsConsistent(
    inputs.map((input) => input.shape),
    axis,
  );
  const out = backend.makeOutput(
    backend_util.computeOutShape(
      inputs.map((input) => input.shape),
      axis,
    ),
    inputs[0]!.dtype,
  );
  const parts = inputs.filter((input) => util.sizeFromShape(input.shape) > 0);
  if (parts.length === 0) return out;
  const outer = util.sizeFromShape(parts[0]!.shape.slice(0, axis));
  const innerSizes = parts.map((input) => util.sizeFromShape(input.shape.slice(axis)));
  const rowLength = innerSizes.reduce((sum, length) => sum + length, 0);
  const to = backend.typedArrayFromHeap(out);
  parts.forEach((input, part) => {
    const from = backend.typedArrayFromHeap(input);
    const length = innerSizes[part]!;
    const start = innerSizes.slice(0, part).reduce((sum, before) => sum + before, 0);
    for (let row = 0; row < outer; row++) copyRun(from, row * length, to, row * rowLength + start, length);
  });
  return out;
}

/** The Slice kernel the engine registers on wasm in place of tfjs' own. */
export const sliceConfig: KernelConfig = {
  kernelName: Slice,
  backendName: 'wasm',
  kernelFunc: slice as unknown as KernelFunc,
};

/** The Concat kernel the engine registers on wasm in place of tfjs' own. */
export const concatConfig: KernelConfig = {
  kernelName: Concat,
  backendName: 'wasm',
  kernelFunc: concat as unknown as KernelFunc,
};
