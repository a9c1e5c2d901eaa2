import { describe, expect, it } from '@jest/globals';
import type { ExecutionRecord } from '../../src/qflow/client.js';
import { FleetView } from '../../src/wait/fleet.js';
import type { ListWindow, SearchResult } from '../../src/wait/list-search.js';
import { StatusRules } from '../../src/wait/status.js';

const NOW = Date.parse('2026-11-28T10:00:00Z');
const MINUTE = 60_000;
/** Runs of the workflow take five minutes, give or take a few seconds. */
const HISTORY = { medianMs: 5 * MINUTE, spreadMs: 10_000, samples: 20 };
let n = 0;

function execution(status: string, createdAt: number, endDate?: number): ExecutionRecord {
  const id = `00000000-0000-0000-0000-${String(n++).padStart(12, '0')}`;
  return { id, status, createdAt, startDate: createdAt, endDate, raw: {} };
}

function search(others: ExecutionRecord[], beyond?: number): SearchResult {
  return { found: new Map(), complete: beyond === undefined, others, pages: 1, pageSize: 100, ...(beyond === undefined ? {} : { beyond }) };
}

const WIDE: ListWindow = { startAt: NOW - 10 * MINUTE, order: 'createdAt', pageSize: 50, newOnTop: false };
const FROM_OURS: ListWindow = { ...WIDE, fromOurs: true };
const FIRST: ListWindow = { startAt: NOW - 29 * 24 * 60 * MINUTE, order: '-createdAt', pageSize: 100, newOnTop: true };

describe('FleetView', () => {
  const rules = new StatusRules(['Success']);
  const ours = NOW - 2 * MINUTE;

  it('counts the running executions a look shows, and those that ended within half a max-poll-interval', () => {
    const fleet = new FleetView(rules, MINUTE);
    const count = fleet.count(
      search([
        execution('Running', ours - 1000),
        execution('Queued', ours + 1000),
        execution('Success', ours, NOW - 20_000),
        execution('Failed', ours, NOW - 40_000),
      ]),
      WIDE,
      NOW,
      ours,
      HISTORY,
    );
    expect(count).toEqual({ running: 2, finishing: 1 });
  });

  it('counts those an oldest-first page leaves to its total as likely to run as the youngest it read, and none of a newest-first one', () => {
    const fleet = new FleetView(rules, MINUTE);
    const page = [
      execution('Running', ours + 1),
      execution('Running', ours + 2),
      execution('Success', ours + 3, NOW - 5 * MINUTE),
      execution('Running', ours + 4),
    ];
    expect(fleet.count(search(page, 40), WIDE, NOW, ours, HISTORY).running).toBe(3 + 40);
    expect(fleet.count(search(page, 40), FIRST, NOW, ours, HISTORY).running).toBe(3);
  });

  it("reading from an early job's own execution on, counts the younger fleet past the page as still running, though the page's have mostly ended", () => {
    // Ours and the three after it started 5m 10s ago (runs take 5m ± 10s): two of them have ended. The
    // 40 past the page started later, up to a few seconds ago: most still run.
    const early = NOW - 310_000;
    const page = [execution('Success', early + 1000, NOW - 5000), execution('Success', early + 2000, NOW - 3000), execution('Running', early + 3000)];
    const running = new FleetView(rules, MINUTE).count(search(page, 40), FROM_OURS, NOW, early, HISTORY).running;
    // Taken to run as the page's do (1 in 3), they were 13: the job looked as if nearly alone.
    expect(running).toBeGreaterThanOrEqual(1 + 35);
    expect(running).toBeLessThanOrEqual(1 + 40);
  });

  it('reading from its own execution on, counts those created before it by the chance that runs of their age still run', () => {
    const fleet = new FleetView(rules, MINUTE);
    const earlier = [execution('Running', ours - 60_000), execution('Running', ours - 30_000)];
    fleet.count(search([...earlier, execution('Running', ours + 1000)]), WIDE, NOW, ours, HISTORY);
    const later = (at: number) => fleet.count(search([execution('Running', ours + 1000)]), FROM_OURS, at, ours, HISTORY).running;
    expect(later(NOW)).toBe(3);
    // A spread later than the history says: past five minutes and three spreads (30 s), the first has most likely ended.
    expect(later(ours - 60_000 + 5 * MINUTE + 30_000)).toBe(2);
    expect(later(ours + 5 * MINUTE + 40_000)).toBe(1);
  });

  it('keeps the running executions of a first look that did not show its own execution (listed late), counting those found older than it', () => {
    // The gateway had not listed ours yet: the first page showed nine of the fleet, all older. Later looks
    // read from ours on (a page of it and one younger) and never show those nine again.
    const fleet = new FleetView(rules, MINUTE);
    const older = Array.from({ length: 9 }, (_, i) => execution('Running', ours - 900 + i * 100));
    expect(fleet.count(search(older), FIRST, NOW, undefined, HISTORY).running).toBe(9);
    const fromOurs = fleet.count(search([execution('Running', ours + 1000)]), FROM_OURS, NOW, ours, HISTORY);
    expect(fromOurs.running).toBe(1 + 9);
    // Those of the first page found to be younger than ours are on the later pages, not counted twice.
    const mixed = new FleetView(rules, MINUTE);
    const younger = execution('Running', ours + 1000);
    mixed.count(search([...older, younger]), FIRST, NOW, undefined, HISTORY);
    expect(mixed.count(search([younger]), FROM_OURS, NOW, ours, HISTORY).running).toBe(1 + 9);
  });

  it('counts those created between the newest the first look showed and its own (listed after that look) at the pace the first look showed', () => {
    // Ten of the fleet, 50 ms apart, listed up to a second before ours: the nineteen created in that
    // second were listed after the first look, and are in no page read from ours on.
    const fleet = new FleetView(rules, MINUTE);
    const older = Array.from({ length: 10 }, (_, i) => execution('Running', ours - 1450 + i * 50));
    fleet.count(search(older), FIRST, NOW, undefined, HISTORY);
    const younger = [execution('Running', ours + 1000)];
    expect(fleet.count(search(younger), FROM_OURS, NOW, ours, HISTORY).running).toBe(1 + 10 + 19);
    // As they would have ended, they are no longer counted.
    expect(fleet.count(search(younger), FROM_OURS, ours + 6 * MINUTE, ours, HISTORY).running).toBe(1);
    // Two created together make no pace: at most twice as many as the first look showed.
    const pair = new FleetView(rules, MINUTE);
    pair.count(search([execution('Running', ours - 60_001), execution('Running', ours - 60_000)]), FIRST, NOW, undefined, HISTORY);
    expect(pair.count(search(younger), FROM_OURS, NOW, ours, HISTORY).running).toBe(1 + 2 + 4);
  });

  it('counts the older executions the first page could not show by their age, until a look shows them', () => {
    const fleet = new FleetView(rules, MINUTE);
    const page = [execution('Running', ours + 1000)];
    fleet.offThePage(25, ours - 1000);
    expect(fleet.count(search(page), FIRST, NOW, ours, HISTORY).running).toBe(26);
    expect(fleet.count(search(page), FROM_OURS, NOW + MINUTE, ours, HISTORY).running).toBe(26);
    expect(fleet.count(search(page), FROM_OURS, ours + 6 * MINUTE, ours, HISTORY).running).toBe(1);
    // Without a history, until a look shows them all.
    expect(fleet.count(search(page), FROM_OURS, ours + 6 * MINUTE, ours, undefined).running).toBe(26);
    expect(fleet.count(search(page), WIDE, NOW, ours, HISTORY).running).toBe(1);
    expect(fleet.count(search(page), FROM_OURS, NOW, ours, HISTORY).running).toBe(1);
  });

  it('counts those created between the page read from before its run and its own execution (read by its ID), which no look from it on shows', () => {
    const fleet = new FleetView(rules, MINUTE);
    // Oldest first from before the run: 20 of the fleet, all older than ours; the total leaves 39
    // others past the page (ours, read by its ID, is not counted among them).
    const before = Array.from({ length: 20 }, (_, i) => execution('Running', ours - 30_000 + 100 * i));
    expect(fleet.count(search(before, 39), WIDE, ours + 10_000, ours, undefined).running).toBe(20 + 39);
    // From ours on: 19 after it on the page and 11 past it: the other 9 of the 39 lay between.
    const after = Array.from({ length: 19 }, (_, i) => execution('Running', ours + 100 * (i + 1)));
    expect(fleet.count(search(after, 11), FROM_OURS, ours + 20_000, ours, undefined).running).toBe(20 + 9 + 19 + 11);
  });
});
