/** `npm run docs`: rewrites the README's tables of inputs and outputs from action.yml. */
import { readFile, writeFile } from 'node:fs/promises';
import { renderTables, withTables } from './readme.js';

const root = new URL('../../', import.meta.url);
const readme = await readFile(new URL('README.md', root), 'utf8');
const updated = withTables(readme, renderTables(await readFile(new URL('action.yml', root), 'utf8')));
if (updated !== readme) await writeFile(new URL('README.md', root), updated);
console.log(updated === readme ? 'README.md tables already match action.yml.' : 'README.md tables rewritten from action.yml.');
