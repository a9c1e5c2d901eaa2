/**
 * Where the command's settings come from: a flag (`--workflow-id`) or its environment variable
 * (`QFLOW_WORKFLOW_ID`), a flag winning. Values it writes for later jobs have names of their own
 * (`QFLOW_OUT_EXECUTION_ID`), so a dotenv report handed to a later job never becomes that job's
 * setting: a second `qflow-run` in the pipeline starts its own execution unless told to wait for one.
 */
import { readFile, stat } from 'node:fs/promises';
import { InputError, messageOf } from '../errors.js';
import { mdCode } from '../markdown.js';
import { Input, Output, type SettingNames } from '../names.js';
import { nearest } from '../nearest.js';
import { FLAGS } from './flags.js';
import { GITHUB_ONLY, SECRET_INPUTS, variableOf } from './flag.js';

/** Variables the command reads besides its flags' (debug lines; the simulator's port). */
const OWN_VARIABLES = ['QFLOW_DEBUG', 'QFLOW_SIMULATOR_PORT'];
/** The prefix of every value the command writes for later jobs (`--dotenv`). */
export const OUTPUT_PREFIX = 'QFLOW_OUT_';

/** The variable a later job reads an output from: QFLOW_OUT_ and the output's name in capitals. */
export function outputVariable(name: Output): string {
  return `${OUTPUT_PREFIX}${name.toUpperCase().replace(/-/g, '_')}`;
}

/**
 * Settings whose value may be a file, given as `@path` (`--matrix @accounts.yml`): JSON or YAML that
 * would be awkward on a command line or in a CI variable. Neither starts with `@`, so nothing else is
 * read that way.
 */
const FILE_SETTINGS: readonly Input[] = [Input.Matrix, Input.RunInput, Input.Variables];
/** A setting's file larger than this is refused: it is a mapping or a list, not data. */
const MAX_SETTING_FILE_BYTES = 1024 * 1024;

/** Where each setting comes from, to name it the way the user gave it. */
export class SettingSources {
  /** The flags given, once the command line is read. */
  flags = new Map<string, string>();
  /** The text of the settings given as `@path`, once read (see readFiles). */
  private readonly files = new Map<Input, string>();
  /** The file each of those came from, named with every message about the setting. */
  private readonly fileOf = new Map<Input, string>();

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  /** The setting's value, trimmed (a file's text for `@path`, once read); '' when neither the flag nor the variable gives one. */
  read(name: Input): string {
    return this.files.get(name)?.trim() ?? this.given(name);
  }

  /** The setting as given, trimmed: the flag, else its variable; never a setting of the GitHub Action alone (QFLOW_COMMENT_ON_PR). */
  private given(name: Input): string {
    if (GITHUB_ONLY.includes(name)) return '';
    return (this.flags.get(name) ?? this.env[variableOf(name)] ?? '').trim();
  }

  /**
   * An execution ID given but blank (`--execution-id "$QFLOW_OUT_EXECUTION_ID"` when the earlier job's
   * report did not arrive, or its variable set to nothing): without this it would read as not given,
   * and the command would start the workflow again instead of waiting for the execution.
   */
  blankExecutionId(): string | undefined {
    const name = Input.ExecutionId;
    const given = this.flags.get(name) ?? this.env[variableOf(name)];
    if (given === undefined || given.trim() !== '') return undefined;
    const what = this.flags.has(name) ? `Flag --${name}` : variableOf(name);
    return `${what} is given but blank (a variable that was not set, such as an earlier job's QFLOW_OUT_EXECUTION_ID?). Expected the UUID of the execution to wait for; leave ${what.replace('Flag ', '')} out to start a new execution.`;
  }

  /** Reads the settings given as `@path`, relative to the working folder; an error names the setting and the file. */
  async readFiles(): Promise<void> {
    for (const name of FILE_SETTINGS) {
      const given = this.given(name);
      if (!given.startsWith('@')) continue;
      const file = given.slice(1);
      const what = this.names.subject(name);
      if (file === '') throw new InputError(`${what} is "@" without a file. Expected @ and the path of a JSON or YAML file, such as @matrix.yml.`);
      try {
        const size = (await stat(file)).size;
        if (size > MAX_SETTING_FILE_BYTES) {
          throw new InputError(`${what} names the file "${file}", of ${size} bytes. Expected a JSON or YAML file of at most 1 MiB.`);
        }
        const text = await readFile(file, 'utf8');
        // Read as not given, an empty file would start the workflow without the matrix or the values meant.
        if (text.trim() === '') throw new InputError(`${what} names the file "${file}", which is empty. Expected the setting's JSON or YAML in it.`);
        this.files.set(name, text);
        this.fileOf.set(name, file);
      } catch (error) {
        if (error instanceof InputError) throw error;
        const code = (error as NodeJS.ErrnoException).code;
        const why =
          code === 'ENOENT'
            ? 'which does not exist'
            : code === 'EISDIR'
              ? 'which is a folder'
              : `which could not be read (${code ?? messageOf(error)})`;
        throw new InputError(
          `${what} names the file "${file}", ${why}. Expected @ and the path of a JSON or YAML file, relative to ${process.cwd()}.`,
        );
      }
    }
  }

  /**
   * The setting as the user gave it: `QFLOW_VARIABLES` when only that gives it, else the flag
   * `--variables`; a secret not given as a flag is always its variable, the way to pass one.
   */
  nameOf(name: string): string {
    if (this.flags.has(name)) return `--${name}`;
    return SECRET_INPUTS.includes(name) || (this.env[variableOf(name)] ?? '').trim() !== '' ? variableOf(name) : `--${name}`;
  }

  /** The command's words for its settings, for every message the engine writes about one. */
  get names(): SettingNames {
    return {
      of: (name) => this.nameOf(name),
      subject: (name) => {
        const shown = this.nameOf(name);
        const file = this.fileOf.get(name);
        return `${shown.startsWith('--') ? `Flag ${shown}` : shown}${file === undefined ? '' : ` (the file ${file})`}`;
      },
      set: (name, value) => `--${name} ${value}`,
      program: 'qflow-run',
      resultPathIn: `in the log (choose it with ${mdCode(this.nameOf(Input.OutputFile))})`,
    };
  }
}

/**
 * A `QFLOW_` variable one or two edits from a setting's (`QFLOW_STEP_OUTPUT`) is a typo that would
 * otherwise be ignored, costing a full run with nothing in it: an error naming the nearest. Others
 * (a pipeline's own `QFLOW_RUN`, an earlier job's `QFLOW_OUT_*`) are left alone.
 */
export function misspeltVariable(env: NodeJS.ProcessEnv): string | undefined {
  const known = [...FLAGS.map((f) => f.variable), ...OWN_VARIABLES];
  for (const name of Object.keys(env).sort()) {
    if (!name.startsWith('QFLOW_') || name.startsWith(OUTPUT_PREFIX) || known.includes(name)) continue;
    const suffix = name.slice('QFLOW_'.length);
    // Short names are one edit from many words: one edit only below six letters.
    const near = nearest(
      suffix,
      known.map((k) => k.slice('QFLOW_'.length)),
      suffix.length < 6 ? 1 : 2,
    );
    if (near !== undefined) {
      return `The environment variable ${name} is not a setting of qflow-run. Did you mean QFLOW_${near}? (Other QFLOW_ variables are left alone; qflow-run --help lists its own.)`;
    }
  }
  return undefined;
}

/** An unknown flag, with the nearest known one when it is a likely typo. */
export function unknownFlag(name: string, known: string[]): string {
  const near = nearest(name, known, name.length < 6 ? 1 : 2);
  return `Unknown flag --${name}.${near ? ` Did you mean --${near}?` : ''}`;
}
