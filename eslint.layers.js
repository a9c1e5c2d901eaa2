// Which folders may import which: the engine knows nothing of its front-ends. Kept apart from
// eslint.config.js so a test can lint planted files with exactly these rules.

/** Imports of the front-ends. */
const ACTION = { group: ['**/action/*', '**/index.js'], pattern: '(^|\\x2F)(action\\x2F|index\\.js$)' };
const CLI = { group: ['**/cli/*', '**/cli.js'], pattern: '(^|\\x2F)(cli\\x2F|cli\\.js$)' };
const TOOLKIT = { group: ['@actions/*'], pattern: '^@actions\\x2F', message: "Only the action (src/action/) talks to the runner's toolkit." };
const ENGINE = { group: ['**/run/*', '**/settings/*', '**/report/*'], pattern: '(^|\\x2F)(run|settings|report)\\x2F' };
const RUN = { group: ['**/run/*', '**/report/*'], pattern: '(^|\\x2F)(run|report)\\x2F' };

/**
 * A layer's rule: `forbidden` may not be imported from `files`, neither by an import statement nor by
 * an `import()` expression (which no-restricted-imports does not see; the action loads its GitHub
 * client that way). Each entry is a glob for the one rule and the same as a regular expression for the
 * other (esquery reads a `/` as the expression's end, hence `\x2F`).
 */
function layer(files, forbidden, message, ignores = []) {
  const patterns = forbidden.map((f) => ({ group: f.group, message: f.message ?? message }));
  const dynamic = forbidden.map((f) => ({ selector: `ImportExpression[source.value=/${f.pattern}/]`, message: f.message ?? message }));
  return {
    files,
    ignores,
    rules: { 'no-restricted-imports': ['error', { patterns }], 'no-restricted-syntax': ['error', ...dynamic] },
  };
}

export default [
  // The engine knows nothing of its front-ends: the domain folders and the engine import neither the
  // action nor the command, nor the runner's toolkit.
  layer(
    ['src/qflow/**/*.ts', 'src/wait/**/*.ts', 'src/settings/**/*.ts', 'src/run/**/*.ts', 'src/report/**/*.ts', 'src/*.ts'],
    [ACTION, CLI, TOOLKIT],
    'The engine and the domain folders import nothing from a front-end (src/action/, src/cli/).',
    ['src/index.ts', 'src/cli.ts'],
  ),
  // Below the engine: the QFlow API and the wait import nothing from the engine.
  layer(
    ['src/qflow/**/*.ts', 'src/wait/**/*.ts'],
    [ENGINE, ACTION, CLI, TOOLKIT],
    'src/qflow/ and src/wait/ import nothing from the engine (src/settings/, src/run/, src/report/) or a front-end.',
  ),
  // The settings are read before the run: they import nothing of the run or of its presentation.
  layer(['src/settings/**/*.ts'], [RUN, ACTION, CLI, TOOLKIT], 'src/settings/ imports nothing from the run (src/run/, src/report/) or a front-end.'),
  // The front-ends are siblings: each translates the engine for its own platform, and neither
  // imports the other (what both need lives below them, in the engine or beside it).
  layer(['src/action/**/*.ts'], [CLI], 'The action (src/action/) imports nothing from the command (src/cli/).'),
  layer(['src/cli/**/*.ts', 'src/cli.ts'], [ACTION, TOOLKIT], 'The command (src/cli/) imports nothing from the action (src/action/).'),
];
