/** Where the server reads the time: injected so tests (and replays) can move it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** `date` plus `seconds`. */
export function addSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000);
}

/** Whole seconds from `now` until `later`, at least 1 (a Retry-After of 0 invites a hot loop). */
export function secondsUntil(later: Date, now: Date): number {
  return Math.max(1, Math.ceil((later.getTime() - now.getTime()) / 1000));
}
