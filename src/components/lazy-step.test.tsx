import { Suspense, useState, version as reactVersion } from 'react';
import type { ReactNode } from 'react';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { StepLoadBoundary, StepLoadError, lazyStep } from './lazy-step';
import { silenceExpectedErrors } from '../../test/silence-expected-errors';

interface GreetingProps {
  name: string;
}

function Greeting({ name }: GreetingProps) {
  const [count, setCount] = useState(0);
  return (
    <button type="button" onClick={() => setCount((value) => value + 1)}>
      {`Hello ${name} ${count}`}
    </button>
  );
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const isReact18 = reactVersion.startsWith('18.');

function Harness({ children }: { children: ReactNode }) {
  return (
    <StepLoadBoundary fallback={(retry) => <button onClick={retry}>Try again</button>}>
      <Suspense fallback={<p>Loading…</p>}>{children}</Suspense>
    </StepLoadBoundary>
  );
}

describe('lazyStep', () => {
  it('shows the fallback while the module loads, then the step', async () => {
    const load = deferred<typeof Greeting>();
    const Lazy = lazyStep(() => load.promise);
    render(
      <Harness>
        <Lazy.Step name="Ada" />
      </Harness>,
    );
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    await act(async () => load.resolve(Greeting));
    expect(screen.getByRole('button', { name: 'Hello Ada 0' })).toBeInTheDocument();
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
  });

  it('renders a preloaded step in the first commit, never showing the fallback', async () => {
    const Lazy = lazyStep(() => Promise.resolve(Greeting));
    Lazy.preload();
    await act(async () => {});
    const fallbackRenders = vi.fn(() => <p>Loading…</p>);
    function Fallback() {
      return fallbackRenders();
    }
    render(
      <Suspense fallback={<Fallback />}>
        <Lazy.Step name="Ada" />
      </Suspense>,
    );
    expect(screen.getByRole('button', { name: 'Hello Ada 0' })).toBeInTheDocument();
    expect(fallbackRenders).not.toHaveBeenCalled();
  });

  it('loads the module once however often it is preloaded', async () => {
    const load = vi.fn(() => Promise.resolve(Greeting));
    const Lazy = lazyStep(load);
    Lazy.preload();
    Lazy.preload();
    render(
      <Harness>
        <Lazy.Step name="Ada" />
      </Harness>,
    );
    await screen.findByRole('button', { name: 'Hello Ada 0' });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('keeps the step’s state across re-renders once loaded', async () => {
    const user = userEvent.setup();
    const load = deferred<typeof Greeting>();
    const Lazy = lazyStep(() => load.promise);
    const { rerender } = render(
      <Harness>
        <Lazy.Step name="Ada" />
      </Harness>,
    );
    await act(async () => load.resolve(Greeting));
    await user.click(screen.getByRole('button', { name: 'Hello Ada 0' }));
    rerender(
      <Harness>
        <Lazy.Step name="Grace" />
      </Harness>,
    );
    expect(screen.getByRole('button', { name: 'Hello Grace 1' })).toBeInTheDocument();
  });

  it('offers Try again when the module fails to load, and loads it again', async () => {
    const user = userEvent.setup();
    const first = deferred<typeof Greeting>();
    const load = vi.fn().mockReturnValueOnce(first.promise).mockResolvedValueOnce(Greeting);
    const Lazy = lazyStep<GreetingProps>(load);
    // React reports the error the boundary caught; that report is expected here.
    const errors = silenceExpectedErrors((error) => error instanceof StepLoadError);
    try {
      render(
        <Harness>
          <Lazy.Step name="Ada" />
        </Harness>,
      );
      await act(async () => first.reject(new TypeError('Failed to fetch dynamically imported module')));
      await user.click(await screen.findByRole('button', { name: 'Try again' }));
      expect(await screen.findByRole('button', { name: 'Hello Ada 0' })).toBeInTheDocument();
      expect(load).toHaveBeenCalledTimes(2);
      expect(errors.seen()).toBeGreaterThan(0);
    } finally {
      errors.restore();
    }
  });

  it('leaves other errors to the host’s error boundary', () => {
    function Broken(): never {
      throw new Error('bug in a step');
    }
    const isBug = (error: unknown) => error instanceof Error && error.message === 'bug in a step';
    const errors = silenceExpectedErrors(isBug);
    try {
      expect(() =>
        render(
          <Harness>
            <Broken />
          </Harness>,
        ),
      ).toThrow('bug in a step');
      // React 19 inside act() only rethrows it; React 18 also reports it (its development build
      // replays the render inside an event).
      expect(errors.seen() > 0).toBe(isReact18);
    } finally {
      errors.restore();
    }
  });
});
