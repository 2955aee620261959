/**
 * The WASM backend cannot run or was handed something it cannot use: WebAssembly SIMD missing in
 * this engine, or a storage that another backend allocated (tensors made before switching
 * backends). The message says which kernel, which argument, what was expected and what was found.
 * @example
 * try { wasm.copy(jsStorage, wasmStorage); } catch (e) { e instanceof WasmBackendError; } // true
 */
export class WasmBackendError extends Error {
  override readonly name = 'WasmBackendError';
}
