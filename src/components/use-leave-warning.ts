import { useEffect, useRef } from 'react';

/**
 * Asks before the page unloads while `active` (an unsaved recovery code, a phone already removed
 * under `resetTiming="immediate"`). Browsers show their own wording; the message only reaches
 * older ones.
 */
export function useLeaveWarning(active: boolean, message: string): void {
  const messageRef = useRef(message);
  messageRef.current = message;
  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Legacy browsers read the prompt from `returnValue`.
      event.returnValue = messageRef.current;
      return messageRef.current;
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [active]);
}
