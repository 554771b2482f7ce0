import type { AdapterMethod, TwoFactorAdapter } from '../src/core/adapter';

/**
 * A fake adapter for race tests: every call is recorded and stays pending until the test settles
 * it by hand (`resolve` / `reject`), in any order. Nothing settles by itself.
 */

type Method<M extends AdapterMethod> = NonNullable<TwoFactorAdapter[M]>;
type RequestOf<M extends AdapterMethod> = Parameters<Method<M>>[0];
type ResultOf<M extends AdapterMethod> = Awaited<ReturnType<Method<M>>>;

/** One recorded call, settled by the test. */
export interface DeferredCall<M extends AdapterMethod> {
  /** The request the hook passed, signal included. */
  request: RequestOf<M>;
  /** Settles the call with a result. */
  resolve: (value: ResultOf<M>) => void;
  /** Fails the call. */
  reject: (reason: unknown) => void;
}

export type DeferredCalls = { [M in AdapterMethod]: DeferredCall<M>[] };

export interface DeferredAdapter {
  adapter: TwoFactorAdapter;
  /** Recorded calls by method, oldest first. */
  calls: DeferredCalls;
  /** The newest call of `method`; throws when there is none, so a test cannot pass by accident. */
  last<M extends AdapterMethod>(method: M): DeferredCall<M>;
}

export function createDeferredAdapter(): DeferredAdapter {
  const calls: DeferredCalls = {
    sendEmailCode: [],
    verifyEmailCode: [],
    getTwoFactorStatus: [],
    resetPhone: [],
    sendPhoneCode: [],
    verifyPhoneCode: [],
    acknowledgeRecoveryCode: [],
    disableTwoFactor: [],
  };

  function record<M extends AdapterMethod>(method: M, request: RequestOf<M>): Promise<ResultOf<M>> {
    return new Promise<ResultOf<M>>((resolve, reject) => {
      (calls[method] as DeferredCall<M>[]).push({ request, resolve, reject });
    });
  }

  const adapter: TwoFactorAdapter = {
    sendEmailCode: (request) => record('sendEmailCode', request),
    verifyEmailCode: (request) => record('verifyEmailCode', request),
    getTwoFactorStatus: (request) => record('getTwoFactorStatus', request),
    resetPhone: (request) => record('resetPhone', request),
    sendPhoneCode: (request) => record('sendPhoneCode', request),
    verifyPhoneCode: (request) => record('verifyPhoneCode', request),
    acknowledgeRecoveryCode: (request) => record('acknowledgeRecoveryCode', request),
    disableTwoFactor: (request) => record('disableTwoFactor', request),
  };

  function last<M extends AdapterMethod>(method: M): DeferredCall<M> {
    const list = calls[method] as DeferredCall<M>[];
    const call = list[list.length - 1];
    if (!call) throw new Error(`No ${method} call was made`);
    return call;
  }

  return { adapter, calls, last };
}
