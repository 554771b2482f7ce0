import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { Dispatch, SetStateAction } from 'react';
import type { HTMLAttributes } from 'react';
import { cx } from './class-names';

/** How urgently a message is read out. */
export type Politeness = 'polite' | 'assertive';

interface RootContextValue {
  /** Reads a message out through the root's live regions. */
  announce: (message: string, politeness: Politeness) => void;
  /** The root element: dialogs portal into it so they inherit its tokens and theme. */
  container: HTMLElement | null;
}

const RootContext = createContext<RootContextValue | null>(null);

interface Announcement {
  text: string;
  /** Bumped on every announcement so the same text twice is read twice (see `LiveRegion`). */
  id: number;
}

const SILENT: Announcement = { text: '', id: 0 };

/**
 * How long a message stays in its live region after it is read. Emptied afterwards, so a screen
 * reader user browsing the page later does not come upon an old error on a later step.
 */
export const ANNOUNCEMENT_LIFETIME_MS = 7000;

export interface ComponentRootProps extends HTMLAttributes<HTMLDivElement> {
  /** Class names after the component's own. */
  className?: string;
}

/**
 * The outer element of every styled component. The outermost one carries `tfa-root` (where the
 * `--tfa-*` tokens live) and owns one polite and one assertive live region, which exist from its
 * first render so screen readers pick up later changes. Nested components (a step inside the
 * wizard) render a plain element and announce through the outer regions, so tokens a host sets on
 * the outer root are not re-declared below it and there is exactly one pair of regions.
 */
export function ComponentRoot(props: ComponentRootProps) {
  const parent = useContext(RootContext);
  if (parent) return <div {...props} />;
  return <OutermostRoot {...props} />;
}

function OutermostRoot({ className, children, ...props }: ComponentRootProps) {
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const [polite, setPolite] = useState<Announcement>(SILENT);
  const [assertive, setAssertive] = useState<Announcement>(SILENT);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    };
  }, []);
  const announce = useCallback((text: string, politeness: Politeness) => {
    const set: Dispatch<SetStateAction<Announcement>> = politeness === 'assertive' ? setAssertive : setPolite;
    let id = 0;
    set((previous) => {
      id = previous.id + 1;
      return { text, id };
    });
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      // Only if nothing newer was announced meanwhile.
      set((current) => (current.id === id ? { text: '', id } : current));
    }, ANNOUNCEMENT_LIFETIME_MS);
    timers.current.add(timer);
  }, []);
  const value = useMemo(() => ({ announce, container }), [announce, container]);
  return (
    <RootContext.Provider value={value}>
      <div {...props} ref={setContainer} className={cx('tfa-root', className)}>
        {children}
        <LiveRegion politeness="polite" announcement={polite} />
        <LiveRegion politeness="assertive" announcement={assertive} />
      </div>
    </RootContext.Provider>
  );
}

function LiveRegion({ politeness, announcement }: { politeness: Politeness; announcement: Announcement }) {
  return (
    <div
      className="tfa-visually-hidden"
      role={politeness === 'assertive' ? 'alert' : 'status'}
      aria-live={politeness}
      aria-atomic="true"
      data-tfa-live-region={politeness}
    >
      {/* A fresh node per announcement: screen readers skip a text node that did not change. */}
      {announcement.text ? <span key={announcement.id}>{announcement.text}</span> : null}
    </div>
  );
}

/** An `announce` function; a no-op outside a component root. */
export function useAnnouncer(): (message: string, politeness: Politeness) => void {
  const context = useContext(RootContext);
  return context?.announce ?? noop;
}

function noop() {}

export interface AnnounceProps {
  /** The text to read out; nothing is read while it is null or empty. */
  message: string | null;
  /** How urgently. */
  politeness: Politeness;
  /**
   * Reads the message again whenever this changes (default: whenever the text changes). Pass the
   * error object so the same failure twice is announced twice.
   */
  trigger?: unknown;
}

/**
 * Reads `message` out through the enclosing root's live regions. Renders nothing; place it inside
 * the component's `ComponentRoot` so a standalone component finds its own regions.
 */
export function Announce({ message, politeness, trigger }: AnnounceProps) {
  const announce = useAnnouncer();
  const key = trigger === undefined ? message : trigger;
  const messageRef = useRef(message);
  messageRef.current = message;
  useEffect(() => {
    // Read when the trigger changes, not on every re-render with new text (e.g. a locale switch).
    if (messageRef.current) announce(messageRef.current, politeness);
  }, [key, announce, politeness]);
  return null;
}

export interface AnnounceOnSettleProps {
  /** True while the action is in flight. */
  isPending: boolean;
  /** True when it ended in an error (then nothing is read: the error is announced instead). */
  failed: boolean;
  /** Read politely on the pending → settled edge, e.g. "We sent you a new code.". */
  message: string;
}

/** Announces `message` when a pending action settles without an error. Renders nothing. */
export function AnnounceOnSettle({ isPending, failed, message }: AnnounceOnSettleProps) {
  const announce = useAnnouncer();
  const wasPending = useRef(isPending);
  const messageRef = useRef(message);
  messageRef.current = message;
  useEffect(() => {
    if (wasPending.current && !isPending && !failed) announce(messageRef.current, 'polite');
    wasPending.current = isPending;
  }, [isPending, failed, announce]);
  return null;
}

/** The outermost root element (for portals), or null before it mounts or outside a root. */
export function useRootContainer(): HTMLElement | null {
  return useContext(RootContext)?.container ?? null;
}

/** True inside a component root (a nested component), false for the outermost one. */
export function useIsInsideRoot(): boolean {
  return useContext(RootContext) !== null;
}
