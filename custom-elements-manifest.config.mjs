import { publicManifestPlugin } from './scripts/manifest-public.mjs';

/** Custom Elements Manifest analyzer settings (`npm run analyze`). */
export default {
  globs: ['src/**/*.ts'],
  litelement: true,
  // package.json's `customElements` names the committed manifest; the freshness check writes a
  // copy elsewhere and must not repoint it.
  packagejson: false,
  plugins: [
    {
      // The analyzer lists modules in file-system order, which differs between machines; sort
      // them so the committed manifest is the same wherever it is generated.
      name: 'sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
    publicManifestPlugin(),
  ],
};
