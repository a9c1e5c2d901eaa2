// ESLint: the recommended rules of ESLint and typescript-eslint, with type information, for the
// action's sources, tests and scripts. Formatting is Prettier's job.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './eslint.layers.js';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  ...layers,
  // Files a newcomer can read at a sitting, and functions of the engine, the wait and the HTTP layer
  // that fit on a screen: past these, a module holds more than one concern.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/flags.ts'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['src/run/**/*.ts', 'src/wait/**/*.ts', 'src/qflow/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['__tests__/**/*.ts'],
    rules: {
      // Fakes of the QFlow client answer at once, yet must keep the async signature of what they fake.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', fetch: 'readonly', setTimeout: 'readonly', require: 'readonly', URL: 'readonly' },
    },
  },
);
