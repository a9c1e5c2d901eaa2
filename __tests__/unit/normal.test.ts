import { describe, expect, it } from '@jest/globals';
import { normalCdf, normalHazard } from '../../src/wait/normal.js';

describe('normal model', () => {
  it('has the textbook values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 3);
    expect(normalCdf(-1.96)).toBeCloseTo(0.025, 3);
    expect(normalHazard(0)).toBeCloseTo(0.7979, 3);
  });
  it('has a hazard that keeps rising, also in the far tail', () => {
    const values = [-3, -1, 0, 1, 3, 4.9, 5.1, 8].map(normalHazard);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]);
  });
});
