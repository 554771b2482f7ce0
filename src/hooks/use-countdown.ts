import { useEffect, useRef, useState } from './react';
import { secondsRemaining } from '../core/time';

/**
 * Whole seconds left until `deadline` (epoch ms), re-read from the wall clock (`Date.now()`) on
 * every tick rather than decremented, so a throttled background tab, a sleeping laptop or a clock
 * jump still shows the right value at the next tick. Ticks are aligned to the moments the shown
 * number changes, and never more than a second apart. 0 when `deadline` is null or past.
 */
export function useCountdown(deadline: number | null): number {
  const [snapshot, setSnapshot] = useState(() => ({ deadline, remaining: secondsRemaining(deadline) }));
  // What was last stored, so an unchanged value is not set again: React queues even a same-value
  // update made from an effect and flushes it later as a commit of its own (for a step mounted
  // with its countdown, an extra commit on the first keystroke).
  const storedRef = useRef(snapshot);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = (): void => {
      const now = Date.now();
      const remaining = secondsRemaining(deadline, now);
      const stored = storedRef.current;
      if (stored.deadline !== deadline || stored.remaining !== remaining) {
        storedRef.current = { deadline, remaining };
        setSnapshot(storedRef.current);
      }
      if (deadline === null || remaining === 0) return;
      // Wake when the ceiling drops to the next whole second; at most a second away.
      const untilNextSecond = (deadline - now) % 1000;
      timer = setTimeout(tick, untilNextSecond > 0 ? untilNextSecond : 1000);
    };
    tick();
    return () => clearTimeout(timer);
  }, [deadline]);

  // Until the effect has caught up with a new deadline, answer from the clock directly so the
  // first render after a change never shows the old countdown.
  return snapshot.deadline === deadline ? snapshot.remaining : secondsRemaining(deadline);
}
