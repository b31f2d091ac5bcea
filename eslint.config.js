import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist',
      'dist.*',
      'data',
      'coverage',
      'bench/results',
      '**/*-changed.*',
      '.stryker-tmp',
      'reports',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['src/core/**/*.ts'],
    rules: {
      // The core stays pure: no Node APIs, no I/O, nothing from the outer layers.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process'],
              message: 'src/core has no I/O and no Node APIs.',
            },
            {
              group: [
                '../plan-file/*',
                '../store/*',
                '../render/*',
                '../collect/*',
                '../open-data/*',
                '../web/*',
                '../cli/*',
              ],
              message: 'Imports point toward core, never out of it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/plan-file/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../store/*', '../render/*', '../collect/*', '../web/*', '../cli/*'],
              message: 'plan-file depends on core only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/render/**/*.ts'],
    rules: {
      // Published output sits above the renderers: it picks and names what they draw, never the reverse.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/publish/*', '**/web/*', '**/cli/*'],
              message: 'render/ draws an Evaluation; publish/, web/ and cli/ sit above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/publish/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/web/*', '**/cli/*'],
              message: 'publish/ serves web/ and cli/; it never reaches up into them.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly' } },
  },
  {
    files: ['scripts/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', performance: 'readonly' } },
  },
);
