/**
 * One subscription's use of the gateway: the calls in its rolling windows, the calls running now, and
 * the budget headers every answer carries.
 */
import { RollingWindow } from './rolling-window.js';
import type { Endpoint, RateLimit, Spending } from './model.js';

/** One subscription's use of the gateway: the calls in its rolling windows and the calls running now. */
export class Meter {
  running = 0;
  private readonly windows = new Map<string, RollingWindow>();

  constructor(
    private readonly rate: RateLimit | undefined,
    private readonly concurrency: number | undefined,
  ) {}

  /** Admits a call or says why not; an admitted call counts. */
  admit(endpoint: Endpoint, now: number): 'admitted' | 'too-many-running' | 'rate-limited' {
    if (this.concurrency !== undefined && this.running > this.concurrency) return 'too-many-running';
    const window = this.window(endpoint);
    if (window && !window.take(now)) return 'rate-limited';
    return 'admitted';
  }

  headers(endpoint: Endpoint, now: number, blocked: boolean): Record<string, string> {
    const headers: Record<string, string> = {};
    const window = this.window(endpoint);
    if (this.rate && window) {
      const remaining = window.remaining(now);
      headers['X-RateLimit-Limit'] = String(this.rate.limit);
      headers['X-RateLimit-Window-Sec'] = String(this.rate.windowSec);
      headers['X-RateLimit-Remaining'] = String(remaining);
      headers['X-RateLimit-ToWait-Sec'] = blocked && remaining === 0 ? String(window.toWaitSec(now)) : '0';
    }
    if (this.concurrency !== undefined) {
      headers['X-Concurrency-Limit-Limit'] = String(this.concurrency);
      headers['X-Concurrency-Limit-Running'] = String(this.running);
    }
    return headers;
  }

  spend(calls: number, now: number, { overMs = 0, steady = false, endpoint = 'list' }: Spending): void {
    const window = this.window(endpoint);
    if (!this.rate || !window || calls <= 0) return;
    window.spent(calls, now, overMs);
    if (steady) {
      const everyMs = (overMs || this.rate.windowSec * 1000) / calls;
      window.spendSteadily(everyMs, now + everyMs);
    }
  }

  /** The rolling window the endpoint's calls count in: its own, or the subscription's one pool. */
  private window(endpoint: Endpoint): RollingWindow | undefined {
    if (!this.rate) return undefined;
    const key = this.rate.per === 'endpoint' ? endpoint : 'all';
    let window = this.windows.get(key);
    if (!window) this.windows.set(key, (window = new RollingWindow(this.rate.limit, this.rate.windowSec * 1000)));
    return window;
  }
}
