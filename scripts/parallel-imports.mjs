/**
 * Rollup plugin for the CDN build: loading a step's module also starts loading the modules it
 * imports, at the same moment. Without it the browser learns of those modules only once it has
 * fetched and parsed the step's, one network round trip later, before the step can show.
 */

/** The dynamic imports rewritten: the step registry's (the core loads every step through it). */
const STEP_REGISTRY = /[\\/]src[\\/]steps[\\/]registry\.ts$/;

/**
 * Rewrites each dynamic `import()` in a module matching `include` into one that starts the
 * target chunk's static imports beside it (`Promise.all`) and resolves with the target's module,
 * as before. A failed import still rejects it. The importing chunk itself is left out.
 */
export function parallelImportsPlugin({ include = STEP_REGISTRY } = {}) {
  return {
    name: 'verifik-parallel-imports',
    renderDynamicImport({ moduleId, chunk, getTargetChunkImports }) {
      if (!include.test(moduleId)) return null;
      const imports = (getTargetChunkImports() ?? []).filter(
        (target) => target.type === 'internal' && target.fileName !== chunk.fileName,
      );
      if (imports.length === 0) return null;
      // `resolvedImportPath` is the path as the importing chunk writes it, quotes included.
      const started = imports.map((target) => `import(${target.resolvedImportPath}),`).join('');
      return { left: `Promise.all([${started}import(`, right: `)]).then((modules)=>modules[${imports.length}])` };
    },
  };
}
