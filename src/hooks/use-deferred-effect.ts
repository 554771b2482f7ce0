import { useEffect, useRef } from './react';
import type { DependencyList } from 'react';

/**
 * Like `useEffect`, for effects that start an adapter call: the work runs one microtask after the
 * effect and is cancelled if the effect is cleaned up first. StrictMode's simulated unmount and
 * remount run synchronously after the first setup, so the first schedule is cancelled and only the
 * second one runs: one request, not two, and not one request that the simulated unmount aborts
 * and loses. Runs the latest `effect`.
 */
export function useDeferredEffect(effect: () => void, deps: DependencyList): void {
  const effectRef = useRef(effect);
  effectRef.current = effect;

  useEffect(() => {
    let cancelled = false;
    // A resolved promise rather than setTimeout: it is not held back by fake timers or by
    // background-tab timer throttling.
    void Promise.resolve().then(() => {
      if (!cancelled) effectRef.current();
    });
    return () => {
      cancelled = true;
    };
  }, deps);
}
