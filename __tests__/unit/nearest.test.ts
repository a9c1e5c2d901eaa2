import { describe, expect, it } from '@jest/globals';
import { editDistance, nearest } from '../../src/nearest.js';

describe('nearest', () => {
  it('counts a swap of two neighbours as one edit, as people mistype', () => {
    expect(editDistance('regoin', 'region')).toBe(1);
    expect(editDistance('region', 'region')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests the closest known name, in any case, within a third of the word', () => {
    expect(nearest('Regoin', ['credentials', 'region'])).toBe('region');
    expect(nearest('credentails', ['credentials', 'credentials_gcp'])).toBe('credentials');
    expect(nearest('bucket', ['credentials', 'region'])).toBeUndefined();
    expect(nearest('anything', [])).toBeUndefined();
  });

  it('keeps to the edits it is given', () => {
    expect(nearest('tmeout', ['timeout'], 1)).toBe('timeout');
    expect(nearest('tmout', ['timeout'], 1)).toBeUndefined();
  });
});
