// Which folders may import which: the engine knows nothing of its front-ends. Kept apart from
// eslint.config.js so a test can lint planted files with exactly these rules.
export default [
  // The engine knows nothing of its front-ends: the domain folders and the engine import neither the
  // action nor the command, nor the runner's toolkit.
  {
    files: ['src/qflow/**/*.ts', 'src/wait/**/*.ts', 'src/settings/**/*.ts', 'src/run/**/*.ts', 'src/report/**/*.ts', 'src/*.ts'],
    ignores: ['src/index.ts', 'src/cli.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/action/*', '**/cli/*'],
              message: 'The engine and the domain folders import nothing from a front-end (src/action/, src/cli/).',
            },
            { group: ['@actions/*'], message: "Only the action (src/action/) talks to the runner's toolkit." },
          ],
        },
      ],
    },
  },
  // Below the engine: the QFlow API and the wait import nothing from the engine.
  {
    files: ['src/qflow/**/*.ts', 'src/wait/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/run/*', '**/settings/*', '**/report/*', '**/action/*', '**/cli/*'],
              message: 'src/qflow/ and src/wait/ import nothing from the engine (src/settings/, src/run/, src/report/) or a front-end.',
            },
            { group: ['@actions/*'], message: "Only the action (src/action/) talks to the runner's toolkit." },
          ],
        },
      ],
    },
  },
  // The settings are read before the run: they import nothing of the run or of its presentation.
  {
    files: ['src/settings/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/run/*', '**/report/*', '**/action/*', '**/cli/*'],
              message: 'src/settings/ imports nothing from the run (src/run/, src/report/) or a front-end.',
            },
            { group: ['@actions/*'], message: "Only the action (src/action/) talks to the runner's toolkit." },
          ],
        },
      ],
    },
  },
  // The front-ends are siblings: each translates the engine for its own platform, and neither
  // imports the other (what both need lives below them, in the engine or beside it).
  {
    files: ['src/action/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/cli/*', '**/cli.js'], message: 'The action (src/action/) imports nothing from the command (src/cli/).' }] },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'src/cli.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/action/*', '**/index.js'], message: 'The command (src/cli/) imports nothing from the action (src/action/).' },
            { group: ['@actions/*'], message: "Only the action (src/action/) talks to the runner's toolkit." },
          ],
        },
      ],
    },
  },
];
