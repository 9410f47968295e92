import { describe, expect, it } from 'vitest';
import { passwordProblem } from './passwords';

describe('passwordProblem', () => {
  it('accepts a long passphrase and refuses short, repeated or e-mail passwords', () => {
    expect(passwordProblem('demo-ssom-2026')).toBeNull();
    expect(passwordProblem('short')).toMatch(/at least 10/);
    expect(passwordProblem('aaaaaaaaaaaa')).toMatch(/repeat/);
    expect(passwordProblem('Jan@Gmina.example', 'jan@gmina.example')).toMatch(/e-mail/);
    expect(passwordProblem('x'.repeat(199) + 'y' + 'z')).toMatch(/at most/);
  });
});
