import { vi } from 'vitest';

/**
 * For a test that asserts a render throws: keeps the expected error out of the test output. React
 * 18's development build replays the failing render inside an event, so jsdom also reports it as
 * an uncaught error with a stack trace (prevented here), and React logs "The above error occurred"
 * (dropped here). Anything else still reaches the console. Call `restore()` in a `finally`.
 */
export function silenceExpectedErrors(isExpected: (error: unknown) => boolean) {
  const print = console.error.bind(console);
  const isReport = (args: unknown[]) =>
    args.some((arg) => isExpected(arg) || (typeof arg === 'string' && arg.includes('The above error occurred')));
  const consoleError = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!isReport(args)) print(...args);
  });
  const uncaught: unknown[] = [];
  const onError = (event: ErrorEvent) => {
    if (!isExpected(event.error)) return;
    uncaught.push(event.error);
    event.preventDefault();
  };
  window.addEventListener('error', onError);
  return {
    /** How many reports of the expected error were silenced, on the console or as events. */
    seen: () => consoleError.mock.calls.filter(isReport).length + uncaught.length,
    restore: () => {
      consoleError.mockRestore();
      window.removeEventListener('error', onError);
    },
  };
}
