import { useCallback, useRef, useState } from 'react';
import type { TwoFactorStatus } from '../core/adapter';
import { useTwoFactorAdapter } from './context';
import { useControllableState } from './use-controllable-state';
import { useDeferredEffect } from './use-deferred-effect';
import { isTwoFactorStatus } from '../core/results';
import { useRequest } from './use-request';
import type { TwoFactorSectionState, UseTwoFactorSectionOptions } from './types';

/**
 * The "Two-factor authentication (2FA)" settings section: loads the current phone (masked) and
 * whether 2FA may be disabled, and holds edit mode (controlled or not).
 *
 * `disable()` turns 2FA off straight away: it asks for no confirmation. The styled components put
 * an alert dialog ("Turn off two-factor authentication?") in front of it; a headless host builds
 * its own confirmation and calls `disable()` from the confirm button. On success it leaves edit
 * mode, calls `onDisabled` and reloads the status.
 * @example
 * const section = useTwoFactorSection({ onDisabled: () => toast('2FA is off') });
 * if (section.status === 'loading') return <p>Loading…</p>;
 * <p>{section.maskedNumber ?? 'No phone yet'}</p>
 * <button onClick={() => section.setEditing(true)}>Edit</button>
 */
export function useTwoFactorSection(options: UseTwoFactorSectionOptions = {}): TwoFactorSectionState {
  const adapter = useTwoFactorAdapter(options.adapter, 'useTwoFactorSection');
  const [editing, setEditing] = useControllableState(
    options.editing,
    options.defaultEditing ?? false,
    options.onEditingChange,
  );

  const [twoFactorStatus, setTwoFactorStatus] = useState<TwoFactorStatus | null>(options.twoFactorStatus ?? null);
  // A status handed down by a parent that loaded it (the wizard) replaces ours when it changes.
  const [statusFromProps, setStatusFromProps] = useState(options.twoFactorStatus);
  if (statusFromProps !== options.twoFactorStatus) {
    setStatusFromProps(options.twoFactorStatus);
    if (options.twoFactorStatus !== undefined) setTwoFactorStatus(options.twoFactorStatus);
  }

  const onDisabledRef = useRef(options.onDisabled);
  onDisabledRef.current = options.onDisabled;
  const reportError = (error: Parameters<NonNullable<UseTwoFactorSectionOptions['onError']>>[0]['error']) =>
    options.onError?.({ error });

  // A reload supersedes a load in flight: only the newest answer describes the account.
  const load = useRequest<void, TwoFactorStatus>((_args, signal) => adapter.getTwoFactorStatus({ signal }), {
    supersede: true,
    timeoutMs: options.timeoutMs,
    onError: reportError,
    isValidResult: isTwoFactorStatus,
  });
  const disableRequest = useRequest<void, void>(
    (_args, signal) => {
      if (!adapter.disableTwoFactor) return Promise.resolve();
      return adapter.disableTwoFactor({ signal });
    },
    { timeoutMs: options.timeoutMs, onError: reportError },
  );
  const { run: runLoad } = load;
  const { run: runDisable } = disableRequest;

  const reload = useCallback(() => {
    void runLoad(undefined, { onSuccess: setTwoFactorStatus });
  }, [runLoad]);

  const hasInitialStatus = options.twoFactorStatus !== undefined;
  useDeferredEffect(() => {
    if (!hasInitialStatus) reload();
  }, []);

  const canDisable = Boolean(twoFactorStatus?.canDisable) && typeof adapter.disableTwoFactor === 'function';
  const canDisableRef = useRef(canDisable);
  canDisableRef.current = canDisable;

  const disable = useCallback(() => {
    if (!canDisableRef.current) return;
    void runDisable(undefined, {
      onSuccess: () => {
        setEditing(false);
        onDisabledRef.current?.();
        reload();
      },
    });
  }, [runDisable, setEditing, reload]);

  const status: TwoFactorSectionState['status'] =
    load.status === 'pending' || (twoFactorStatus === null && load.status !== 'error')
      ? 'loading'
      : load.status === 'error'
        ? 'error'
        : 'ready';

  const disableStatus: TwoFactorSectionState['disableStatus'] =
    disableRequest.status === 'pending'
      ? 'pending'
      : disableRequest.status === 'error'
        ? 'error'
        : disableRequest.status === 'success'
          ? 'done'
          : 'idle';

  return {
    status,
    twoFactorStatus,
    maskedNumber: twoFactorStatus?.phone?.maskedNumber ?? null,
    canDisable,
    editing,
    setEditing,
    reload,
    disable,
    disableStatus,
    error: disableRequest.error ?? load.error,
  };
}
