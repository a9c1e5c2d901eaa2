import { abortReason } from '../../src/errors.js';
import type { Clock } from '../../src/time.js';

/** A clock whose pauses pass at once and move time forward, recording each pause. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(public time = Date.parse('2026-11-28T10:00:00Z')) {}
  now(): number {
    return this.time;
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw abortReason(signal);
    this.sleeps.push(ms);
    this.time += Math.max(0, ms);
    await Promise.resolve();
    if (signal?.aborted) throw abortReason(signal);
  }
}

/** A log that keeps its lines, for assertions. */
export function memoryLog() {
  const lines: { level: 'info' | 'debug' | 'warning'; message: string }[] = [];
  return {
    lines,
    info: (message: string) => lines.push({ level: 'info', message }),
    debug: (message: string) => lines.push({ level: 'debug', message }),
    warning: (message: string) => lines.push({ level: 'warning', message }),
    text: (level?: string) =>
      lines
        .filter((l) => !level || l.level === level)
        .map((l) => l.message)
        .join('\n'),
  };
}
