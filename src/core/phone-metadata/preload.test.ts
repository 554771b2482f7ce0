// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallingCodeLoader, CallingCodeLoadersModule, CallingCodeMetadata } from './types';

/**
 * A calling code's metadata comes in two steps: the loaders of the calling codes that share its
 * first digit, then its own chunk. Here the loaders are stand-ins that count their calls and can
 * fail, as a chunk does offline.
 */
const calls: string[] = [];
let failNext = new Set<string>();

function part(region: string): CallingCodeMetadata {
  return { countries: { [region]: [region] } };
}

function loader(name: string, load: () => unknown): () => Promise<never> {
  return async () => {
    calls.push(name);
    if (failNext.delete(name)) throw new Error(`${name} is unreachable`);
    return load() as never;
  };
}

vi.mock('./loaders', () => {
  // Digit 4's codes in ascending order, as CALLING_CODE_REGIONS lists them: 40, 41, 43, 44, …
  const fours = ['40', '41', '43', '44', '45', '46', '47', '48', '49', '420', '421', '423'];
  const regions: Record<string, string> = { '44': 'GB', '49': 'DE', '420': 'CZ' };
  const digitLoaders = (digit: string) =>
    loader(`digit ${digit}`, (): CallingCodeLoadersModule => ({
      // Wrapped twice, as `import()` of the CommonJS build gives it.
      default: {
        default: (digit === '4' ? fours : []).map(
          (code): CallingCodeLoader => loader(code, () => ({ default: part(regions[code] ?? code) })),
        ),
      },
    }));
  return { FIRST_DIGIT_LOADERS: ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map(digitLoaders) };
});

beforeEach(() => {
  vi.resetModules();
  calls.length = 0;
  failNext = new Set();
});

async function freshPreload() {
  return import('./preload');
}

describe('loadCallingCode', () => {
  it("loads a code's digit loaders once, then the code's own chunk, by its place among the digit's codes", async () => {
    const { loadCallingCode } = await freshPreload();
    await expect(loadCallingCode('44')).resolves.toEqual(part('GB'));
    await expect(loadCallingCode('420')).resolves.toEqual(part('CZ'));
    await expect(loadCallingCode('44')).resolves.toEqual(part('GB'));
    expect(calls).toEqual(['digit 4', '44', '420']);
  });

  it('asks again after a failed load, of the digit loaders or of the chunk', async () => {
    const { loadCallingCode } = await freshPreload();
    failNext = new Set(['digit 4']);
    await expect(loadCallingCode('49')).rejects.toThrow('digit 4 is unreachable');
    failNext = new Set(['49']);
    await expect(loadCallingCode('49')).rejects.toThrow('49 is unreachable');
    await expect(loadCallingCode('49')).resolves.toEqual(part('DE'));
    expect(calls).toEqual(['digit 4', 'digit 4', '49', '49']);
  });

  it('refuses a calling code that does not exist, loading nothing', async () => {
    const { loadCallingCode } = await freshPreload();
    for (const code of ['0', '42', '', '4444']) await expect(loadCallingCode(code)).rejects.toThrow(`unknown calling code ${code}`);
    expect(calls).toEqual([]);
  });
});
