import { describe, expect, it } from 'vitest';
import { checkEmail, checkName, checkPassword, checkPhone, checkUsername, validate } from './validation.js';

describe('field rules mirror the contract', () => {
  it('username: 3-50 of A-Z a-z 0-9 . _ -', () => {
    expect(checkUsername('abc')).toBeNull();
    expect(checkUsername('a'.repeat(50))).toBeNull();
    expect(checkUsername('A.b_c-9')).toBeNull();
    expect(checkUsername('ab')).not.toBeNull();
    expect(checkUsername('a'.repeat(51))).not.toBeNull();
    expect(checkUsername('with space')).not.toBeNull();
    expect(checkUsername('émile')).not.toBeNull();
  });
  it('password: 8-1024 bytes', () => {
    expect(checkPassword('12345678')).toBeNull();
    expect(checkPassword('1234567')).not.toBeNull();
    expect(checkPassword('éééé')).toBeNull(); // 8 bytes
    expect(checkPassword('p'.repeat(1024))).toBeNull();
    expect(checkPassword('p'.repeat(1025))).not.toBeNull();
  });
  it('email: local@domain.tld, no spaces, at most 254', () => {
    expect(checkEmail('a@b.co')).toBeNull();
    expect(checkEmail('zoë@exämple.fr')).toBeNull();
    for (const bad of ['', 'plain', '@x.org', 'a@', 'a@b', 'a@.org', 'a@b.', 'a b@c.de', 'a@b@c.de', 'a@b..c']) {
      expect(checkEmail(bad), bad).not.toBeNull();
    }
    const long = `${'a'.repeat(64)}@${'b'.repeat(185)}.org`;
    expect(long.length).toBe(254);
    expect(checkEmail(long)).toBeNull();
    expect(checkEmail(`a${long}`)).not.toBeNull();
  });
  it('names: 1-50 code points, no control characters', () => {
    expect(checkName('A')).toBeNull();
    expect(checkName('李'.repeat(50))).toBeNull();
    expect(checkName('李'.repeat(51))).not.toBeNull();
    expect(checkName('')).not.toBeNull();
    expect(checkName('tab\there')).not.toBeNull();
    expect(checkName('\u0085')).not.toBeNull();
  });
  it('phone: optional, 6-20 of digits spaces + - ( ) . with 6 digits', () => {
    expect(checkPhone('')).toBeNull();
    expect(checkPhone('123456')).toBeNull();
    expect(checkPhone('+33 (0)1-23.45')).toBeNull();
    expect(checkPhone('12345')).not.toBeNull();
    expect(checkPhone('+-() .12345')).not.toBeNull();
    expect(checkPhone('1'.repeat(21))).not.toBeNull();
    expect(checkPhone('12345a')).not.toBeNull();
  });
  it('validate names each failing field', () => {
    expect(validate({ username: 'ok_name', email: 'nope' })).toEqual({ email: expect.any(String) });
    expect(validate({})).toEqual({});
  });
});
