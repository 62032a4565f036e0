import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const browserFiles = ['src/**/*.ts', 'test/elements/**/*.ts', 'test/e2e/**/*.ts', 'test/helpers/browser/**/*.ts'];

export default tseslint.config(
  { ignores: ['dist/', 'cdn/', 'node_modules/', '.sandbox-data/', '.tmp/', 'custom-elements.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: browserFiles,
    ...lit.configs['flat/recommended'],
    languageOptions: { globals: globals.browser },
  },
  { files: browserFiles, ...wc.configs['flat/recommended'] },
  { files: browserFiles, ...litA11y.configs.recommended },
  {
    files: [
      'bench/**/*.ts',
      'demo/server/**/*.ts',
      'scripts/**/*.mjs',
      'test/server/**/*.ts',
      'test/unit/**/*.ts',
      'test/helpers/**',
      '*.mjs',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  { files: ['bench/pages/**/*.js'], languageOptions: { globals: globals.browser } },
  // The consumer apps: browser code, their build configs and a Node SSR script.
  {
    files: ['test/consumers/*/src/**/*.js', 'test/consumers/cdn-page/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['test/consumers/*/*.js', 'test/consumers/node-ssr/*.mjs'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['demo/server/main.ts', 'scripts/**/*.mjs', 'scripts/*.ts', 'bench/run.ts'],
    rules: { 'no-console': 'off' },
  },
  prettier,
);
