export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** Returns why a new password is not acceptable, or null. Length is what matters (NIST SP 800-63B). */
export function passwordProblem(password: string, email?: string): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `password must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  if ([...password].length > PASSWORD_MAX_LENGTH) return `password must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  if (email && password.toLowerCase() === email.toLowerCase()) return 'password must not be the e-mail address';
  if (/^(.)\1*$/u.test(password)) return 'password must not repeat one character';
  return null;
}
