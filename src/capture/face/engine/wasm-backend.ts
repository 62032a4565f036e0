/**
 * The tfjs WebAssembly backend with only the kernels the tiny face detector and the tiny
 * landmarks run (the list `face-kernels.test.ts` checks against what the models ask for):
 * registering all of the package's kernels would ship about 250 of them.
 */
import '@tensorflow/tfjs-backend-wasm/dist/flags_wasm.js';
import { registerBackend, registerKernel } from '@tensorflow/tfjs-core/dist/base.js';
import * as kernels from './wasm-kernels.js';
import { BackendWasm, init } from '@tensorflow/tfjs-backend-wasm/dist/backend_wasm.js';

export { setWasmPaths } from '@tensorflow/tfjs-backend-wasm/dist/backend_wasm.js';

/** Registers the backend (not yet started) and the kernels the two models run on it. */
export function registerWasmBackend(): void {
  for (const kernel of Object.values(kernels)) registerKernel(kernel);
  // The priority tfjs gives wasm: above cpu, so it is the one picked when both start.
  registerBackend(
    'wasm',
    async () => {
      const { wasm } = await init();
      return new BackendWasm(wasm);
    },
    2,
  );
}
