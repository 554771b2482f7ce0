import { createContext, createElement, useContext } from './react';
import type { ReactNode } from 'react';
import type { TwoFactorAdapter } from '../core/adapter';

const TwoFactorAdapterContext = createContext<TwoFactorAdapter | null>(null);
TwoFactorAdapterContext.displayName = 'TwoFactorAdapterContext';

export interface TwoFactorProviderProps {
  /** The backend every hook and component below uses unless given its own `adapter`. */
  adapter: TwoFactorAdapter;
  /** The part of the tree that may use the adapter. */
  children?: ReactNode;
}

/**
 * Supplies the adapter to the hooks and components below it. Renders no markup of its own.
 * @example
 * <TwoFactorProvider adapter={createFetchAdapter({ baseUrl: '/api/2fa' })}>
 *   <TwoFactorSection />
 * </TwoFactorProvider>
 */
export function TwoFactorProvider({ adapter, children }: TwoFactorProviderProps) {
  return createElement(TwoFactorAdapterContext.Provider, { value: adapter }, children);
}

/**
 * The adapter a hook should use: its own option first, else the nearest provider's. Throws naming
 * the consumer when there is neither, so the mistake shows at the first render, not at the first
 * request.
 */
export function useTwoFactorAdapter(
  adapter?: TwoFactorAdapter,
  consumerName = 'useTwoFactorAdapter',
): TwoFactorAdapter {
  const fromContext = useContext(TwoFactorAdapterContext);
  const resolved = adapter ?? fromContext;
  if (!resolved) {
    throw new Error(`${consumerName} must be used within <TwoFactorProvider> or be given an \`adapter\``);
  }
  return resolved;
}
