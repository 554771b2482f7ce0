/**
 * Deadline arithmetic for countdowns ("Resend in 42 s"). Countdowns keep a wall-clock deadline
 * and derive the seconds left from it, so a throttled timer or a sleeping tab cannot make them
 * drift or stall.
 */

/**
 * The epoch-millisecond instant `seconds` from `now`. A negative, NaN or infinite `seconds` gives
 * `now`: no wait rather than a deadline that never passes.
 */
export function deadlineFromNow(seconds: number, now: number = Date.now()): number {
  if (!Number.isFinite(seconds) || seconds < 0) return now;
  return now + seconds * 1000;
}

/**
 * Whole seconds left until `deadline`, rounded up (so "0" only shows once the wait is over);
 * never below 0. `null` (no deadline) and non-finite deadlines give 0.
 */
export function secondsRemaining(deadline: number | null, now: number = Date.now()): number {
  if (deadline === null) return 0;
  const seconds = Math.ceil((deadline - now) / 1000);
  // A non-finite deadline or now gives NaN or ±∞ here. `> 0` also turns -0 into 0, so callers never
  // render "-0".
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
}
