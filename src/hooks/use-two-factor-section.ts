import { useCallback, useEffect, useReducer, useRef } from './react';
import type { TwoFactorAdapter, TwoFactorStatus } from '../core/adapter';
import type { TwoFactorError } from '../core/errors';
import { selectSection, transitionSection } from '../core/machine';
import type { SectionEvent, SectionModel } from '../core/machine';
import { useTwoFactorAdapter } from './context';
import { useDeferredEffect } from './use-deferred-effect';
import { isTwoFactorStatus } from '../core/results';
import { useRequest } from './use-request';
import type { RequestState } from './use-request';
import type { TwoFactorSectionState, UseTwoFactorSectionOptions } from './types';

/**
 * The section's two adapter calls, for `useTwoFactorSection` and the wizard's two-factor-section
 * step: the status load (a reload supersedes a load in flight: only the newest answer describes
 * the account) and Disable (single flight).
 */
export function useSectionRequests(
  adapter: TwoFactorAdapter,
  timeoutMs: number | undefined,
  onError?: (error: TwoFactorError) => void,
): [RequestState<void, TwoFactorStatus>, RequestState<void, void>] {
  return [
    useRequest<void, TwoFactorStatus>((_args, signal) => adapter.getTwoFactorStatus({ signal }), {
      supersede: true,
      timeoutMs,
      onError,
      isValidResult: isTwoFactorStatus,
    }),
    useRequest<void, void>(
      (_args, signal) => (adapter.disableTwoFactor ? adapter.disableTwoFactor({ signal }) : Promise.resolve()),
      { timeoutMs, onError },
    ),
  ];
}

/**
 * The "Two-factor authentication (2FA)" settings section: loads the current phone (masked) and
 * whether 2FA may be disabled, holds edit mode (controlled or not) and Disable's confirmation. Its
 * rules are the section's state machine in core (`transitionSection`, read through
 * `selectSection`), the same one the wizard's two-factor-section step runs.
 *
 * `requestDisable()` opens the confirmation (`disableConfirmation: 'confirming'`), `disable()`
 * turns 2FA off (from the confirmation, or straight away for a headless host that confirms its
 * own way), `cancelDisable()` closes it. On success it leaves edit mode, calls `onDisabled` and
 * reloads the status.
 * @example
 * const section = useTwoFactorSection({ onDisabled: () => toast('2FA is off') });
 * if (section.status === 'loading') return <p>Loading…</p>;
 * <p>{section.maskedNumber ?? 'No phone yet'}</p>
 * <button onClick={() => section.setEditing(true)}>Edit</button>
 */
export function useTwoFactorSection(options: UseTwoFactorSectionOptions = {}): TwoFactorSectionState {
  const adapter = useTwoFactorAdapter(options.adapter, 'useTwoFactorSection');
  const isControlled = options.editing !== undefined;
  const wantsEditing = options.editing ?? options.defaultEditing ?? false;
  const [model, dispatch] = useReducer(transitionSection<SectionModel>, options.twoFactorStatus, (initial): SectionModel =>
    initial === undefined
      ? { status: 'loading', twoFactorStatus: null }
      : { status: wantsEditing ? 'editing' : 'viewing', twoFactorStatus: initial },
  );
  const modelRef = useRef(model);
  modelRef.current = model;
  const optionsRef = useRef(options);
  optionsRef.current = options;
  // Edit mode asked for before the status arrived (`defaultEditing`, or the controlled prop).
  const wantsEditingRef = useRef(wantsEditing);
  if (isControlled) wantsEditingRef.current = wantsEditing;

  // A status handed down by a parent that loaded it replaces ours when it changes.
  const statusFromProps = options.twoFactorStatus;
  const seenStatusRef = useRef(statusFromProps);
  useEffect(() => {
    if (statusFromProps === undefined || seenStatusRef.current === statusFromProps) return;
    seenStatusRef.current = statusFromProps;
    dispatch({ type: 'TWO_FACTOR_SECTION.RELOAD' });
    dispatch({ type: 'TWO_FACTOR_SECTION.LOADED', twoFactorStatus: statusFromProps });
    if (wantsEditingRef.current) dispatch({ type: 'TWO_FACTOR_SECTION.EDIT' });
  }, [statusFromProps]);

  const reportError = (error: TwoFactorError) => optionsRef.current.onError?.({ error });

  const [load, disableRequest] = useSectionRequests(adapter, options.timeoutMs, reportError);
  const { run: runLoad } = load;
  const { run: runDisable, reset: resetDisable, isInFlight: isDisableInFlight } = disableRequest;

  // Loads the status into the machine. After a reload, edit mode asked for before the status
  // arrived is entered (uncontrolled, only the first time); after Disable the section shows the
  // new status as it is.
  const loadStatus = useCallback(
    (restoreEditing: boolean) =>
      void runLoad(undefined, {
        onSuccess: (twoFactorStatus) => {
          dispatch({ type: 'TWO_FACTOR_SECTION.LOADED', twoFactorStatus });
          if (!restoreEditing) return;
          if (wantsEditingRef.current) dispatch({ type: 'TWO_FACTOR_SECTION.EDIT' });
          if (!isControlled) wantsEditingRef.current = false;
        },
        onError: () => dispatch({ type: 'TWO_FACTOR_SECTION.LOAD_FAILED' }),
      }),
    [runLoad, isControlled],
  );

  const reload = useCallback(() => {
    dispatch({ type: 'TWO_FACTOR_SECTION.RELOAD' });
    loadStatus(true);
  }, [loadStatus]);

  useDeferredEffect(() => {
    if (statusFromProps === undefined) reload();
  }, []);

  const supportsDisable = typeof adapter.disableTwoFactor === 'function';
  const selection = selectSection(model, supportsDisable);

  // A controlled `editing` prop drives the machine's edit mode.
  useEffect(() => {
    if (!isControlled) return;
    dispatch({ type: options.editing ? 'TWO_FACTOR_SECTION.EDIT' : 'TWO_FACTOR_SECTION.CLOSE' });
  }, [isControlled, options.editing, model.status]);

  const setEditing = useCallback(
    (next: boolean) => {
      optionsRef.current.onEditingChange?.(next);
      if (optionsRef.current.editing !== undefined) return;
      dispatch({ type: next ? 'TWO_FACTOR_SECTION.EDIT' : 'TWO_FACTOR_SECTION.CLOSE' });
    },
    [],
  );

  const requestDisable = useCallback(() => {
    if (!supportsDisable) return;
    resetDisable();
    dispatch({ type: 'TWO_FACTOR_SECTION.DISABLE_REQUEST' });
  }, [supportsDisable, resetDisable]);

  const cancelDisable = useCallback(() => {
    if (isDisableInFlight()) return;
    dispatch({ type: 'TWO_FACTOR_SECTION.DISABLE_CANCEL' });
  }, [isDisableInFlight]);

  const disable = useCallback(() => {
    const current = modelRef.current;
    const confirm: SectionEvent = { type: 'TWO_FACTOR_SECTION.DISABLE_CONFIRM' };
    const disabling = transitionSection(current, confirm);
    if (!supportsDisable || disabling === current) return;
    // The ref makes a double click a no-op before React re-renders.
    modelRef.current = disabling;
    dispatch(confirm);
    void runDisable(undefined, {
      onSuccess: () => {
        dispatch({ type: 'TWO_FACTOR_SECTION.DISABLED' });
        if (optionsRef.current.editing !== undefined) optionsRef.current.onEditingChange?.(false);
        optionsRef.current.onDisabled?.();
        loadStatus(false);
      },
      onError: () => dispatch({ type: 'TWO_FACTOR_SECTION.DISABLE_FAILED' }),
    });
  }, [supportsDisable, runDisable, loadStatus]);

  const disabling = selection.disable === 'pending';
  return {
    // status, maskedNumber and canDisable as the section's selector reads them (its editing and
    // disable are replaced below: a controlled prop wins, and disable is the action).
    ...selection,
    twoFactorStatus: model.twoFactorStatus,
    editing: isControlled ? Boolean(options.editing) : selection.editing,
    setEditing,
    reload,
    requestDisable,
    cancelDisable,
    disable,
    // The last disable's outcome, while the confirmation is not running a new one.
    disableStatus: disabling
      ? 'pending'
      : disableRequest.status === 'error'
        ? 'error'
        : disableRequest.status === 'success'
          ? 'done'
          : selection.disable,
    disableConfirmation: selection.disable,
    error: disabling ? null : (disableRequest.error ?? load.error),
  };
}
