/** Raised when a step of the boot runs past its deadline. */
export class DeadlineError extends Error {
  override name = "DeadlineError";
}

/**
 * Settle like `promise`, or reject with a `DeadlineError` saying `what` took
 * longer than `ms`. The work itself goes on: a timer cannot stop it, but the
 * person waiting learns what is stuck instead of watching a spinner.
 */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
