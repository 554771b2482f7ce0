import { useCallback, useEffect, useMemo, useRef, useState } from './react';
import type { RecoveryCodeState, UseRecoveryCodeOptions } from './types';

const DEFAULT_FILE_NAME = 'recovery-code.txt';

/**
 * Shows the emergency recovery code once and helps the user keep it: copy, download, print, then
 * Finish once they confirm they saved it. The code is held in one place, the `recoveryCode` option
 * (the wizard's state): this hook keeps no copy of it in state, only whether it was finished, and
 * reads nothing once finished or unmounted. `groups` are pieces of the code exactly as the adapter
 * returned it (`groups.join('') === recoveryCode`), for display only: grouping is styling.
 * @example
 * const recovery = useRecoveryCode({ recoveryCode, onFinish: () => navigate('/dashboard') });
 * <code translate="no">{recovery.groups.map((group, i) => <span key={i}>{group}</span>)}</code>
 * <button onClick={() => void recovery.copy()}>Copy</button>
 * <button disabled={!recovery.canFinish} onClick={recovery.finish}>Finish</button>
 */
export function useRecoveryCode(options: UseRecoveryCodeOptions): RecoveryCodeState {
  const { downloadFileName = DEFAULT_FILE_NAME } = options;
  // Finished for this code: a new code from the parent (a fresh verification) starts over.
  const [finished, setFinished] = useState(false);
  const [copyStatus, setCopyStatus] = useState<RecoveryCodeState['copyStatus']>('idle');
  const [acknowledged, setAcknowledged] = useState(false);
  const recoveryCode = finished ? '' : options.recoveryCode;

  const onFinishRef = useRef(options.onFinish);
  onFinishRef.current = options.onFinish;
  const fileContentsRef = useRef(options.fileContents);
  fileContentsRef.current = options.fileContents;
  // The clipboard write and the download read the code from here so their callbacks need not
  // change identity with it. Emptied on Finish and on unmount: a `copy` or `download` a host kept
  // then holds nothing, and does nothing.
  const codeRef = useRef(recoveryCode);

  // A new code from the parent (a fresh verification) starts over. Checked while rendering, like
  // React's "storing information from previous renders", so the new code never shows as finished.
  const lastCodeRef = useRef(options.recoveryCode);
  if (lastCodeRef.current !== options.recoveryCode) {
    lastCodeRef.current = options.recoveryCode;
    setFinished(false);
    setCopyStatus('idle');
    setAcknowledged(false);
  }

  // StrictMode runs this cleanup and the setups again without a render in between: the effect
  // after it puts the code back then (and after every render, where it is already there).
  useEffect(
    () => () => {
      codeRef.current = '';
    },
    [],
  );
  useEffect(() => {
    codeRef.current = recoveryCode;
  });

  const copy = useCallback(async (): Promise<void> => {
    const code = codeRef.current;
    if (!code) return;
    // After an unmount these do nothing (React 18 and later drop them silently).
    try {
      // Throws where there is no clipboard API: insecure contexts (http://), some embedded webviews,
      // outside a browser. That is a failed copy like a refused write.
      await navigator.clipboard.writeText(code);
      setCopyStatus('copied');
    } catch {
      setCopyStatus('failed');
    }
  }, []);

  const download = useCallback((): void => {
    const code = codeRef.current;
    if (!code || typeof document === 'undefined' || typeof URL.createObjectURL !== 'function') return;
    const contents = fileContentsRef.current ? fileContentsRef.current(code) : `${code}\n`;
    const url = URL.createObjectURL(new Blob([contents], { type: 'text/plain;charset=utf-8' }));
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
    setFinished(true);
    setCopyStatus('idle');
    onFinishRef.current?.();
  }, [acknowledged]);

  // Pieces of the code for display, exactly as given (`join('')` is the code): after each separator
  // (space, hyphen) when it has them, else every 4 characters. Nothing is added or dropped, so
  // selecting, copying or printing the shown code gives the adapter's string. With separators, a
  // piece runs up to and with its separators (separators at the very start are a piece of their own).
  const groups = useMemo(
    () => recoveryCode.match(/[\s-]/.test(recoveryCode) ? /[^\s-]+[\s-]*|[\s-]+/g : /[\s\S]{1,4}/g) ?? [],
    [recoveryCode],
  );

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
