/** `npm run docs`: rewrites the README's generated tables, the command's flag list and the Input and Output enums from action.yml. */
import { readFile, writeFile } from 'node:fs/promises';
import { renderFlagsModule, renderNamesModule, renderTables, withTables } from './readme.js';

const root = new URL('../../', import.meta.url);
const actionYml = await readFile(new URL('action.yml', root), 'utf8');
const { version } = JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as { version: string };
for (const [file, update] of [
  ['README.md', (text: string) => withTables(text, renderTables(actionYml))],
  ['src/cli/flags.ts', () => renderFlagsModule(actionYml, version)],
  ['src/io-names.ts', () => renderNamesModule(actionYml)],
] as const) {
  const before = await readFile(new URL(file, root), 'utf8').catch(() => '');
  const after = update(before);
  if (after !== before) await writeFile(new URL(file, root), after);
  console.log(after === before ? `${file} already matches action.yml.` : `${file} rewritten from action.yml.`);
}
