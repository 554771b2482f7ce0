import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RecoveryCodeState, UseRecoveryCodeOptions } from './types';

const DEFAULT_FILE_NAME = 'recovery-code.txt';

/**
 * Shows the emergency recovery code once and helps the user keep it: copy, download, print, then
 * Finish once they confirm they saved it. The code leaves state on Finish and on unmount.
 * @example
 * const recovery = useRecoveryCode({ recoveryCode, onFinish: () => navigate('/dashboard') });
 * <code translate="no">{recovery.groups.join(' ')}</code>
 * <button onClick={() => void recovery.copy()}>Copy</button>
 * <button disabled={!recovery.canFinish} onClick={recovery.finish}>Finish</button>
 */
export function useRecoveryCode(options: UseRecoveryCodeOptions): RecoveryCodeState {
  const { recoveryCode: initialCode, downloadFileName = DEFAULT_FILE_NAME } = options;
  const [recoveryCode, setRecoveryCode] = useState(initialCode);
  const [copyStatus, setCopyStatus] = useState<RecoveryCodeState['copyStatus']>('idle');
  const [acknowledged, setAcknowledged] = useState(false);

  const onFinishRef = useRef(options.onFinish);
  onFinishRef.current = options.onFinish;
  // The clipboard write and the download read the code from here so their callbacks need not
  // change identity with it; cleared with the state. They do nothing once the hook has unmounted.
  const codeRef = useRef(recoveryCode);
  codeRef.current = recoveryCode;
  const mountedRef = useRef(true);

  // A new code from the parent (a fresh verification) replaces the old one and starts over.
  const [codeFromProps, setCodeFromProps] = useState(initialCode);
  if (codeFromProps !== initialCode) {
    setCodeFromProps(initialCode);
    setRecoveryCode(initialCode);
    setCopyStatus('idle');
    setAcknowledged(false);
  }

  // On unmount the code leaves the ref too, so a `copy` or `download` a host kept holds nothing.
  // StrictMode runs this cleanup and the setups again without a render in between: the effect
  // after it puts the code back then (and after every render, where it is already there).
  useEffect(() => {
    mountedRef.current = true;
    return () => {
      mountedRef.current = false;
      codeRef.current = '';
    };
  }, []);
  useEffect(() => {
    codeRef.current = recoveryCode;
  });

  const copy = useCallback(async (): Promise<void> => {
    const code = codeRef.current;
    if (!code || !mountedRef.current) return;
    let copied = false;
    try {
      // Missing in insecure contexts (http://) and some embedded webviews.
      const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
      if (clipboard && typeof clipboard.writeText === 'function') {
        await clipboard.writeText(code);
        copied = true;
      }
    } catch {
      copied = false;
    }
    if (mountedRef.current) setCopyStatus(copied ? 'copied' : 'failed');
  }, []);

  const download = useCallback((): void => {
    const code = codeRef.current;
    if (!code || !mountedRef.current || typeof document === 'undefined' || typeof URL.createObjectURL !== 'function') return;
    const url = URL.createObjectURL(new Blob([`${code}\n`], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = downloadFileName;
    link.rel = 'noopener';
    link.style.display = 'none';
    document.body.appendChild(link);
    try {
      link.click();
    } finally {
      link.remove();
      // Revoked on the next task, not synchronously: Firefox and Safari may cancel a download
      // whose URL is revoked in the same task as the click.
      setTimeout(() => URL.revokeObjectURL(url), 0);
    }
  }, [downloadFileName]);

  const print = useCallback((): void => {
    if (typeof window !== 'undefined' && typeof window.print === 'function') window.print();
  }, []);

  const canFinish = acknowledged && recoveryCode !== '';

  const finish = useCallback((): void => {
    // The emptied ref makes a second Finish (double click) a no-op before React re-renders.
    if (!acknowledged || codeRef.current === '') return;
    codeRef.current = '';
    setRecoveryCode('');
    setCopyStatus('idle');
    onFinishRef.current?.();
  }, [acknowledged]);

  const groups = useMemo(() => groupCode(recoveryCode), [recoveryCode]);

  return {
    recoveryCode,
    groups,
    copyStatus,
    copy,
    download,
    print,
    acknowledged,
    setAcknowledged,
    finish,
    canFinish,
  };
}

/** Splits the code into groups of 4 for reading aloud or copying by hand; separators are dropped. */
function groupCode(code: string): string[] {
  const compact = code.replace(/[\s-]+/g, '');
  const groups: string[] = [];
  for (let index = 0; index < compact.length; index += 4) groups.push(compact.slice(index, index + 4));
  return groups;
}
