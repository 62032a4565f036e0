/**
 * The tfjs CPU backend (plain JavaScript, about 500 ms a frame) with the same kernels as the wasm
 * one: the fallback where a page's CSP forbids WebAssembly ('wasm-unsafe-eval').
 */
import { registerBackend, registerKernel } from '@tensorflow/tfjs-core/dist/base.js';
import * as kernels from './cpu-kernels.js';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu/dist/backend_cpu.js';

/** Registers the backend (not yet started) and the kernels the two models run on it. */
export function registerCpuBackend(): void {
  for (const kernel of Object.values(kernels)) registerKernel(kernel);
  registerBackend('cpu', () => new MathBackendCPU(), 1);
}
