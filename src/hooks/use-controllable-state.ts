import { useCallback, useRef, useState } from './react';

/**
 * A value that the parent may control (`prop` defined) or leave to the hook (`defaultProp`), with
 * one change callback for both, after Radix's `useControllableState`. `onChange` fires only when
 * the value actually changes, straight from the setter (no effect), so it never fires twice under
 * StrictMode.
 */
export function useControllableState<T>(
  prop: T | undefined,
  defaultProp: T,
  onChange: ((value: T) => void) | undefined,
): [T, (value: T) => void] {
  const [uncontrolled, setUncontrolled] = useState(defaultProp);
  const isControlled = prop !== undefined;
  const value = isControlled ? prop : uncontrolled;

  const valueRef = useRef(value);
  valueRef.current = value;
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const isControlledRef = useRef(isControlled);
  isControlledRef.current = isControlled;

  const setValue = useCallback((next: T) => {
    if (Object.is(next, valueRef.current)) return;
    if (!isControlledRef.current) {
      // Updated now so two calls in one event see each other before React re-renders. A
      // controlled value only changes when the parent passes it back.
      valueRef.current = next;
      setUncontrolled(next);
    }
    onChangeRef.current?.(next);
  }, []);

  return [value, setValue];
}
