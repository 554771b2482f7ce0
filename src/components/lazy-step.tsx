import { Component, lazy } from 'react';
import type { ComponentType, ReactNode } from 'react';

/** A step component whose module loads on demand, and a way to start loading it early. */
export interface LazyStep<P extends object> {
  /** Renders the step. Suspends while its module loads, which never happens once preloaded. */
  Step: ComponentType<P>;
  /** Starts loading the module (once; a failed load is tried again on the next call). */
  preload: () => void;
  /** Whether the module is there, so the step renders without suspending. */
  isLoaded: () => boolean;
}

/** A step's module failed to load (offline, or a deploy removed the chunk). */
export class StepLoadError extends Error {
  /** Forgets the failure, so the next render of the step fetches its module again. */
  readonly reset: () => void;

  constructor(cause: unknown, reset: () => void) {
    super('A step of the flow failed to load', { cause });
    this.name = 'StepLoadError';
    this.reset = reset;
  }
}

/**
 * Wraps `import()` of a step module in `React.lazy`, with a `preload` the wizard calls while the
 * user is on the step before, so the step is usually ready before it is needed. A preloaded step
 * renders synchronously: `React.lazy` alone suspends on its first render even when the module is
 * already there, which would flash the fallback.
 *
 * @example
 * const PhoneEntry = lazyStep(() => import('./phone-entry-step').then((module) => module.PhoneEntryStep));
 */
export function lazyStep<P extends object>(load: () => Promise<ComponentType<P>>): LazyStep<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const start = (): Promise<ComponentType<P>> =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        throw new StepLoadError(error, reset);
      },
    ));
  const createLazy = () => lazy(() => start().then((component) => ({ default: component })));
  // One `lazy` per load attempt: React caches its outcome, a failure included, so a retry (after
  // the boundary's "Try again") needs a fresh one.
  let LazyComponent = createLazy();
  function reset(): void {
    loading = undefined;
    LazyComponent = createLazy();
  }

  function Step(props: P) {
    // The lazy wrapper only ever renders while the module is missing, and then it suspends: by
    // the time React retries, `loaded` is set (it is set first, in `start`), so the step's content
    // always mounts under the loaded component and keeps its state from then on.
    const Loaded = loaded ?? LazyComponent;
    return <Loaded {...props} />;
  }

  return {
    Step,
    isLoaded: () => loaded !== undefined,
    preload: () => {
      const attempt = start();
      attempt.catch(() => {
        // A failed preload is not an error yet: the step's own render tries again, and reports it.
        if (loading === attempt) loading = undefined;
      });
    },
  };
}

interface StepLoadBoundaryProps {
  /** The steps. */
  children: ReactNode;
  /** Shown when a step's module failed to load; `retry` renders the steps again. */
  fallback: (retry: () => void) => ReactNode;
}

/**
 * Catches a step whose module failed to load and offers to try again. Any other error is not
 * ours to handle and goes on to the host's error boundary.
 */
export class StepLoadBoundary extends Component<StepLoadBoundaryProps, { error: unknown }> {
  constructor(props: StepLoadBoundaryProps) {
    super(props);
    this.state = { error: null };
    this.retry = this.retry.bind(this);
  }

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  retry(): void {
    const { error } = this.state;
    if (error instanceof StepLoadError) error.reset();
    this.setState({ error: null });
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (!(error instanceof StepLoadError)) throw error;
    return this.props.fallback(this.retry);
  }
}
