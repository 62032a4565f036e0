/**
 * Rollup plugin for the CDN build: loading the first step's module also starts loading the
 * modules it imports, at the same moment. Without it the browser learns of those modules only
 * once it has fetched and parsed the step's, one network round trip later, before the first
 * screen can show. Later steps are fetched one step ahead of the person (their round trips pass
 * while the person is busy), so their imports are left as they are: each rewritten import adds
 * its list of files to the core.
 */

/** The modules of the steps a flow starts with: the sign-up (onboarding) and the identify step (login). */
const FIRST_STEPS = /[\\/]src[\\/]steps[\\/](sign-up[\\/]sign-up-step|identify[\\/]identify-step)\.ts$/;

/**
 * Rewrites each dynamic `import()` of a module matching `targets` into one that starts the
 * target chunk's static imports beside it (`Promise.all`) and resolves with the target's module,
 * as before; a failed import still rejects it. The importing chunk itself is left out.
 */
export function parallelImportsPlugin({ targets = FIRST_STEPS } = {}) {
  return {
    name: 'verifik-parallel-imports',
    renderDynamicImport({ targetModuleId, chunk, getTargetChunkImports }) {
      if (!targetModuleId || !targets.test(targetModuleId)) return null;
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
