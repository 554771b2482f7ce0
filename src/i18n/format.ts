/**
 * Formats a wait as `m:ss` ("0:45", "2:00"): short, language-neutral, and it does not jump
 * between units as a countdown runs.
 */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return `${minutes}:${rest < 10 ? '0' : ''}${rest}`;
}
