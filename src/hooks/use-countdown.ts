import { useEffect, useState } from 'react';
import { secondsRemaining } from '../core/time';

/**
 * Whole seconds left until `deadline` (epoch ms), re-read from the wall clock (`Date.now()`) on
 * every tick rather than decremented, so a throttled background tab, a sleeping laptop or a clock
 * jump still shows the right value at the next tick. Ticks are aligned to the moments the shown
 * number changes, and never more than a second apart. 0 when `deadline` is null or past.
 */
export function useCountdown(deadline: number | null): number {
  const [snapshot, setSnapshot] = useState(() => ({ deadline, remaining: secondsRemaining(deadline) }));

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const tick = (): void => {
      const now = Date.now();
      const remaining = secondsRemaining(deadline, now);
      setSnapshot((previous) =>
        previous.deadline === deadline && previous.remaining === remaining ? previous : { deadline, remaining },
      );
      if (deadline === null || remaining === 0) return;
      // Wake when the ceiling drops to the next whole second; at most a second away.
      const untilNextSecond = (deadline - now) % 1000;
      timer = setTimeout(tick, untilNextSecond > 0 ? untilNextSecond : 1000);
    };
    tick();
    return () => {
      if (timer !== null) clearTimeout(timer);
    };
  }, [deadline]);

  // Until the effect has caught up with a new deadline, answer from the clock directly so the
  // first render after a change never shows the old countdown.
  return snapshot.deadline === deadline ? snapshot.remaining : secondsRemaining(deadline);
}
