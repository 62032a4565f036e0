/**
 * Custom Elements Manifest analyzer plugin: turns the analysis of `src/` into the manifest
 * integrators and editors read. It lists the public API only (what the package entries export,
 * and only elements with a public tag), points every path at the shipped files in `dist/`, gives
 * each `verifik-*` event its exported event type, and gives an attribute whose default is a
 * constant that constant's type (and its value, when a literal).
 */
import { posix } from 'node:path';

const ENTRIES = ['src/index.ts', 'src/verifik-enroll.ts', 'src/react/index.ts'];

/** `src/a/b.ts` (or `./b.js` relative to `from`) → `dist/a/b.js`. */
function shipped(path, from) {
  const absolute = path.startsWith('.') ? posix.join(posix.dirname(from), path) : path;
  return absolute.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
}

/** `verifik-step-change` → `VerifikStepChangeEvent`. */
const eventType = (name) => `${name.replace(/(^|-)([a-z])/g, (_, __, letter) => letter.toUpperCase())}Event`;

export function publicManifestPlugin() {
  return {
    name: 'public-manifest',
    packageLinkPhase({ customElementsManifest }) {
      const { modules } = customElementsManifest;
      const variables = new Map(
        modules.flatMap((module) =>
          (module.declarations ?? []).filter((d) => d.kind === 'variable' && d.type).map((d) => [d.name, d]),
        ),
      );
      const index = modules.find((module) => module.path === 'src/index.ts');
      const exported = new Set((index?.exports ?? []).map((entry) => entry.name));
      const publicModules = new Set([
        ...ENTRIES,
        ...(index?.exports ?? []).map((entry) =>
          shipped(entry.declaration.module, index.path)
            .replace(/^dist\//, 'src/')
            .replace(/\.js$/, '.ts'),
        ),
      ]);
      const internal = (declaration) => declaration.customElement && !declaration.tagName;
      const internalNames = new Set(modules.flatMap((m) => (m.declarations ?? []).filter(internal).map((d) => d.name)));

      customElementsManifest.modules = modules
        .filter((module) => publicModules.has(module.path))
        .map((module) => {
          const declarations = (module.declarations ?? []).filter(
            (d) => !internal(d) && (d.tagName || exported.has(d.name)),
          );
          for (const declaration of declarations) {
            for (const event of declaration.events ?? []) {
              if (!event.type && exported.has(eventType(event.name))) event.type = { text: eventType(event.name) };
            }
            for (const member of [...(declaration.attributes ?? []), ...(declaration.members ?? [])]) {
              const constant = variables.get(member.default);
              if (!constant) continue;
              member.type ??= constant.type;
              // A literal constant's value says more than its name (the production API's URL).
              if (/^'[^']*'$/.test(constant.default ?? '')) member.default = constant.default;
            }
          }
          const exports = (module.exports ?? [])
            .filter((entry) => !internalNames.has(entry.name))
            .map((entry) => {
              if (entry.kind === 'custom-element-definition') {
                // The entry defines every tag from a table; only `verifik-enroll` is public.
                return {
                  kind: entry.kind,
                  name: 'verifik-enroll',
                  declaration: { name: 'VerifikEnroll', module: 'dist/enroll/verifik-enroll.js' },
                };
              }
              const declaration = entry.declaration.module
                ? { ...entry.declaration, module: shipped(entry.declaration.module, module.path) }
                : entry.declaration;
              return { ...entry, declaration };
            });
          return { ...module, path: shipped(module.path, module.path), declarations, exports };
        })
        .filter((module) => module.declarations.length > 0 || module.exports.length > 0);
    },
  };
}
