import { describe, expect, it } from 'vitest';
import { count, number, rating } from './format.js';

describe('numbers in French, without Intl', () => {
  it('groups thousands with a narrow no-break space and writes decimals after a comma', () => {
    expect(number(0)).toBe('0');
    expect(number(999)).toBe('999');
    expect(number(1234)).toBe('1\u202f234');
    expect(number(1234567.891, 3)).toBe('1\u202f234\u202f567,891');
    expect(number(-1234.56, 1)).toBe('-1\u202f234,6');
    expect(rating(7.45)).toBe('7,5/10');
    expect(rating(9.96)).toBe('10/10');
    expect(rating(8)).toBe('8/10');
    expect(rating(0)).toBe('');
    expect(count(1, 'vote', 'votes')).toBe('1 vote');
    expect(count(12345, 'vote', 'votes')).toBe('12\u202f345 votes');
    expect(number(Number.NaN)).toBe('');
  });

  it('writes what toLocaleString("fr-FR") writes', () => {
    const values = [0.05, 0.44999999999999996, 1.05, 3.4499999999999997, 7.05, 9.95, 99.95, 999.96, 1000, 65536, 1e20, 123456789012345];
    for (let step = 0; step < 2000; step += 1) values.push(step * 0.0137, step * 613.7, step * 100003);
    for (const value of values) {
      for (const decimals of [0, 1, 3]) {
        expect(number(value, decimals), `${value} (${decimals})`).toBe(value.toLocaleString('fr-FR', { maximumFractionDigits: decimals }));
      }
    }
  });
});
