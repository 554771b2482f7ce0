export { createMockAdapter } from './mock-adapter';
export type {
  MockAdapter,
  MockAdapterOptions,
  MockAdapterState,
  MockFailures,
  MockFailureScript,
  MockInboxChange,
  MockMessage,
  MockRequestMap,
} from './mock-adapter';
export { createFetchAdapter } from './fetch-adapter';
export type { FetchAdapter, FetchAdapterHeaders, FetchAdapterOptions } from './fetch-adapter';
