/** A command used wrongly: printed without a stack, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function todayIso(now = new Date()): string {
  return now.toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
}
