import { useLayoutEffect, useRef } from 'react';
import type { FormEvent, ReactNode, RefObject } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import type { TwoFactorError } from '../core/errors';
import { useMessages } from '../i18n/messages';
import { Button } from './button';
import { cx, dataFlag } from './class-names';
import { useIsInsideRoot, useRootContainer } from './component-root';
import { Heading } from './heading';
import type { HeadingLevel } from './heading';
import { RetryNotice, useRetryCountdown } from './retry-notice';

export interface ConfirmationDialogProps {
  /** Whether the dialog is shown. */
  open: boolean;
  /** Escape and Cancel ask to close; neither does anything while `isPending`. */
  onOpenChange: (open: boolean) => void;
  /** The confirm button was pressed and is available. */
  onConfirm: () => void;
  /** The dialog's accessible name, shown as its heading. */
  title: string;
  /** The consequence, in plain words: the dialog's accessible description. */
  description: string;
  /** Label of the destructive confirm button. */
  confirmLabel: string;
  /** Its label while the action is in flight. */
  pendingLabel: string;
  /** The action is in flight: confirm shows it, Cancel and Escape do nothing. */
  isPending: boolean;
  /** The confirm button is unavailable (e.g. an acknowledgement is not ticked yet). @default false */
  isConfirmDisabled?: boolean;
  /** The failure to explain inside the dialog, or null. */
  error: TwoFactorError | null;
  /** Level of the title. */
  headingLevel: HeadingLevel;
  /** Class names after `tfa-dialog`. */
  className?: string;
  /** Where the dialog is portalled. @default the enclosing component root, else `document.body` */
  container?: HTMLElement | null;
  /** Radix's close auto-focus; `event.preventDefault()` keeps it from moving focus. */
  onCloseAutoFocus?: (event: Event) => void;
  /**
   * The element to focus once the dialog has closed, asked for then. Given, it replaces Radix's
   * return of focus (a task later, after the browser may have painted focus on `<body>`).
   */
  finalFocus?: () => HTMLElement | null | undefined;
  /** `data-status` of the dialog element. */
  status?: string;
  /** Fields between the description and the actions (e.g. an acknowledgement checkbox). */
  children?: ReactNode;
}

/**
 * The shared body of the library's confirmations (reset, disable), after the WAI-ARIA alertdialog
 * pattern and Radix's AlertDialog: a modal `role="alertdialog"` named by its title and described
 * by its consequence, focus starting on Cancel, outside clicks ignored, and nothing closing it
 * while its action is in flight. Internal: the public components wrap it.
 */
export function ConfirmationDialog({
  open,
  onOpenChange,
  onConfirm,
  title,
  description,
  confirmLabel,
  pendingLabel,
  isPending,
  isConfirmDisabled = false,
  error,
  headingLevel,
  className,
  container,
  onCloseAutoFocus,
  finalFocus,
  status,
  children,
}: ConfirmationDialogProps) {
  const t = useMessages();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef(open);
  openRef.current = open;
  const rootContainer = useRootContainer();
  const insideRoot = useIsInsideRoot();
  const portalTarget = container ?? rootContainer ?? undefined;
  // Portalled outside any component root (to `document.body`), the dialog carries the token scope itself.
  const needsOwnRoot = !insideRoot || portalTarget === undefined;
  const retrySeconds = useRetryCountdown(error);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Enter in a field submits too: the same guard as the button's.
    if (!isPending && !isConfirmDisabled) onConfirm();
  };

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal container={portalTarget}>
        {/* Not Radix's `Dialog.Overlay`: its scroll lock (react-remove-scroll) is about 4 kB gzip of
            the section's JS; `LockPageScroll` below does what this dialog needs of it. */}
        <div className={cx(needsOwnRoot && 'tfa-root', 'tfa-dialog-overlay')} />
        <Dialog.Content
          role="alertdialog"
          className={cx(needsOwnRoot && 'tfa-root', 'tfa-dialog', className)}
          data-pending={dataFlag(isPending)}
          data-status={status}
          onOpenAutoFocus={(event) => {
            // The least destructive choice first, as in Radix's AlertDialog.
            event.preventDefault();
            cancelRef.current?.focus({ preventScroll: true });
          }}
          onCloseAutoFocus={finalFocus ? (event) => event.preventDefault() : onCloseAutoFocus}
          onPointerDownOutside={(event) => event.preventDefault()}
          onInteractOutside={(event) => event.preventDefault()}
          onEscapeKeyDown={(event) => {
            // Closing now would hide whether the server did it.
            if (isPending) event.preventDefault();
          }}
        >
          <LockPageScroll />
          {finalFocus ? <FocusAfterClose openRef={openRef} target={finalFocus} /> : null}
          <Dialog.Title asChild>
            <Heading level={headingLevel} className="tfa-heading">
              {title}
            </Heading>
          </Dialog.Title>
          <Dialog.Description className="tfa-dialog__description">{description}</Dialog.Description>
          <form className="tfa-form" method="post" noValidate onSubmit={handleSubmit}>
            {children}
            {/* Inside the dialog: a modal hides everything else from assistive technology. */}
            <p className="tfa-error" role="alert">
              {error ? t.errors[error.code] : null}
            </p>
            {error?.retryAfterSeconds !== undefined ? <RetryNotice secondsRemaining={retrySeconds} /> : null}
            <div className="tfa-actions">
              <Button ref={cancelRef} variant="secondary" isDisabled={isPending} onClick={() => onOpenChange(false)}>
                {t.cancel}
              </Button>
              <Button type="submit" variant="danger" isPending={isPending} isDisabled={isConfirmDisabled}>
                {isPending ? pendingLabel : confirmLabel}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** How many dialogs hold the page's scroll lock, and how to give the page back its styles. */
let scrollLocks = 0;
let restorePageScroll = (): void => undefined;

/**
 * Keeps the page behind the dialog from scrolling while it is open (rendered with the dialog's
 * content, so only then, and never on a server), as Radix's overlay would, and gives the room of
 * the scrollbar that goes with it back as margin, so nothing behind the backdrop shifts sideways.
 * It hides the overflow of whichever element scrolls the viewport: the root's when the root sets
 * one (e.g. `overflow-y: scroll`), else the body's, which the viewport then takes (CSS Overflow,
 * "overflow viewport propagation"). Hiding both would turn the body into a scroll container of its
 * own, and a page laid out with `html, body { height: 100% }` would jump to its top. A body that
 * scrolls by itself under such a root is held too (hidden keeps its scroll position). Counted:
 * the first dialog to open takes the lock and the last to close gives it back, whatever order they
 * close in. Only what it set is restored (a modal layer sets the body's `pointer-events` meanwhile).
 */
function LockPageScroll() {
  useLayoutEffect(() => {
    if (scrollLocks++ === 0) {
      const { body, documentElement: root } = document;
      const scrollbar = window.innerWidth - root.clientWidth;
      const scrolls = (element: HTMLElement) => {
        const { overflowX, overflowY } = getComputedStyle(element);
        return [overflowX, overflowY].some((value) => value !== 'visible' && value !== '');
      };
      const held = !scrolls(root) ? [body] : scrolls(body) ? [root, body] : [root];
      const restores = [root, body].map(({ style }) => {
        const { overflowX, overflowY, marginRight } = style;
        return () => Object.assign(style, { overflowX, overflowY, marginRight });
      });
      if (scrollbar > 0) body.style.marginRight = `${parseFloat(getComputedStyle(body).marginRight) + scrollbar}px`;
      for (const { style } of held) style.overflowX = style.overflowY = 'hidden';
      restorePageScroll = () => restores.forEach((restore) => restore());
    }
    return () => {
      if (--scrollLocks === 0) restorePageScroll();
    };
  }, []);
  return null;
}

/**
 * Moves focus to `target()` in the same task that removes the dialog, so no frame shows focus on
 * `<body>`: a microtask after the commit, when the focus trap can no longer pull it back. Only on a
 * close: not when a parent unmounts an open dialog (it moves focus itself), nor in StrictMode's
 * rehearsal of an unmount.
 */
function FocusAfterClose({
  openRef,
  target,
}: {
  openRef: RefObject<boolean>;
  target: () => HTMLElement | null | undefined;
}) {
  const targetRef = useRef(target);
  targetRef.current = target;
  useLayoutEffect(
    () => () =>
      queueMicrotask(() => {
        if (!openRef.current) targetRef.current()?.focus();
      }),
    [openRef],
  );
  return null;
}
