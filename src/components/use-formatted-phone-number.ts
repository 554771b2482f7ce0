import { useEffect, useState } from 'react';
import { SPLIT_PHONE_SUPPORT } from './phone-support-split';

/**
 * An E.164 number in international format (`+1 650 253 0000`), read with the metadata loaded by
 * calling code: in the wizard the number's own was loaded while it was typed; otherwise it loads
 * here, and the number shows as E.164 until it arrives.
 */
export function useFormattedPhoneNumber(e164: string): string {
  const [, setLoaded] = useState(0);
  const ready = SPLIT_PHONE_SUPPORT.isReadyFor(e164, undefined);
  useEffect(() => {
    if (ready) return;
    let current = true;
    SPLIT_PHONE_SUPPORT.loadFor(e164, undefined).then(
      (loaded) => {
        if (current && loaded) setLoaded((count) => count + 1);
      },
      () => {
        // Offline: E.164 is still the number, only not grouped.
      },
    );
    return () => {
      current = false;
    };
  }, [e164, ready]);
  return ready ? SPLIT_PHONE_SUPPORT.rules.formatPhoneForDisplay(e164) : e164;
}
