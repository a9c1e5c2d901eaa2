import { describe, expect, it } from '@jest/globals';
import { CancelledError } from '../../src/errors.js';
import { humanDuration, systemClock } from '../../src/time.js';

describe('systemClock.sleep', () => {
  it('waits a pause longer than one Node timer holds (25 days) instead of returning at once', async () => {
    const cancel = new AbortController();
    let resolved = false;
    const pause = systemClock.sleep(30 * 24 * 3600_000, cancel.signal).then(() => (resolved = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(resolved).toBe(false);
    cancel.abort(new CancelledError());
    await expect(pause).rejects.toBeInstanceOf(CancelledError);
  });

  it('ends a short pause on time', async () => {
    const started = Date.now();
    await systemClock.sleep(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });
});

describe('humanDuration', () => {
  it('says a duration in hours, minutes and seconds', () => {
    expect(humanDuration(350)).toBe('350ms');
    expect(humanDuration(3_725_000)).toBe('1h 2m 5s');
  });
});
