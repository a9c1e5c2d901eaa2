/**
 * The command's voice: log lines on stderr (in colour only on a terminal, never with NO_COLOR), the
 * result on stdout, and on Azure Pipelines its logging commands; every line scrubbed of secrets. A
 * reader that closes stderr or stdout early (`2>&1 | head -c 1`) is no error of the run: what is left
 * is not written.
 */
import type { Redactor } from '../redact.js';
import { azureIssue } from './azure.js';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export class Terminal {
  /** Speak Azure Pipelines' logging commands (see azure.ts). */
  azure = false;
  /** The result goes to stdout as one JSON document: logging commands go to stderr instead. */
  json = false;
  private stderrOpen = true;
  private stdoutOpen = true;
  private readonly colour: boolean;

  constructor(
    private readonly io: Io,
    private readonly redactor: Redactor,
    env: NodeJS.ProcessEnv,
  ) {
    this.colour = io.stderr.isTTY === true && (env.NO_COLOR ?? '') === '';
    io.stderr.on('error', () => (this.stderrOpen = false));
    io.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') this.say(this.paint('33', `warning: could not write to stdout: ${error.message}`));
      this.stdoutOpen = false;
    });
  }

  /** A line of the log. */
  say(text: string): void {
    if (this.stderrOpen) this.io.stderr.write(`${this.redactor.text(text)}\n`);
  }

  /** Text in an ANSI colour (`code`), on a terminal. */
  paint(code: string, text: string): string {
    return this.colour ? `\u001b[${code}m${text}\u001b[0m` : text;
  }

  /** The result, as the user asked for it on stdout. */
  stdout(text: string): void {
    if (this.stdoutOpen) this.io.stdout.write(text);
  }

  /** An Azure Pipelines logging command; nothing elsewhere. */
  command(line: string): void {
    if (!this.azure) return;
    if (this.json) this.say(line);
    else this.stdout(`${this.redactor.text(line)}\n`);
  }

  // On Azure an error or a warning is its issue, which the log shows in its place: said once, not twice.
  warn(text: string): void {
    if (this.azure) this.command(azureIssue('warning', text));
    else this.say(this.paint('33', `warning: ${text}`));
  }

  /** An error; returns the exit code given, for `return terminal.fail(…)`. */
  fail(code: number, text: string): number {
    if (this.azure) this.command(azureIssue('error', text));
    else this.say(this.paint('31', `error: ${text}`));
    return code;
  }
}

/**
 * The log's lines, one per change of status: a look's line ("[12s] Running") that says what the last
 * look's said is left out, whatever came between them (a note on the budget), and so is a line said
 * twice in a row.
 */
export function onePerChange(say: (line: string) => void): (message: string) => void {
  let lastLook: string | undefined;
  let last: string | undefined;
  return (message) => {
    const look = /^\[[^\]]*\] /.exec(message);
    const news = look ? message.slice(look[0].length) : message;
    if (look && news === lastLook) return;
    if (look) lastLook = news;
    if (news !== last) say(message);
    last = news;
  };
}
