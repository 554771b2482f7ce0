// @vitest-environment node
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AsYouType, parsePhoneNumber as parseWithLibrary, validatePhoneNumberLength } from 'libphonenumber-js/core';
import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';
import fullMetadata from 'libphonenumber-js/min/metadata';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { createPhoneRules, normalizePhoneInput } from '../phone-rules';
import { CALLING_CODE_REGIONS, createPhoneMetadataStore } from './store';
import { loadCallingCode } from './preload';

/**
 * The metadata split by calling code gives exactly what libphonenumber-js gives with its whole
 * `min` metadata: for every country's example number (written as E.164, nationally formatted,
 * internationally formatted and with 00) and every phone number the tests use, validation and
 * formatting agree, libphonenumber-js's own and this library's rules alike. Each number is read
 * with a fresh store that loads only what that number needs, as a user's browser does.
 */

const root = process.cwd();
const fullRules = createPhoneRules(fullMetadata);

/** Phone numbers written in the tests (src/ and test/): quoted strings of 6+ digits, +, spaces, dashes, dots, brackets. */
function phoneVectorsFromTests(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.test\.tsx?$/.test(entry.name)) files.push(path);
    }
  };
  walk(join(root, 'src'));
  walk(join(root, 'test'));
  const vectors = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/'([+＋(]?[0-9０-９][0-9０-９ ().\-]{5,}[0-9０-９])'/gu)) {
      if (match[1] !== undefined && normalizePhoneInput(match[1]).replace(/\D/g, '').length >= 6) vectors.add(match[1]);
    }
  }
  return [...vectors];
}

interface Case {
  text: string;
  country: CountryCode | undefined;
}

function corpus(): Case[] {
  const cases: Case[] = [];
  for (const [country, national] of Object.entries(examples as Record<string, string>)) {
    const region = country as CountryCode;
    const phone = parseWithLibrary(national, region, fullMetadata);
    cases.push({ text: national, country: region });
    cases.push({ text: phone.number, country: undefined });
    cases.push({ text: phone.formatInternational(), country: 'US' });
    cases.push({ text: phone.formatNational(), country: region });
    cases.push({ text: `00${phone.number.slice(1)}`, country: 'DE' });
  }
  const vectors = phoneVectorsFromTests();
  for (const text of vectors) {
    for (const country of [undefined, 'US', 'GB', 'DE', 'AT', 'FR', 'BR', 'AU'] as const) cases.push({ text, country });
  }
  return cases;
}

/** What libphonenumber-js and the rules make of a number: everything validation and formatting show. */
function reading(metadata: MetadataJson, rules: ReturnType<typeof createPhoneRules>, { text, country }: Case) {
  const digits = normalizePhoneInput(text);
  let library: unknown;
  try {
    const phone = parseWithLibrary(digits, { defaultCountry: country }, metadata);
    library = {
      number: phone.number,
      country: phone.country,
      valid: phone.isValid(),
      possible: phone.isPossible(),
      international: phone.formatInternational(),
      national: phone.formatNational(),
    };
  } catch (error) {
    library = { error: error instanceof Error ? error.message : String(error) };
  }
  let length: unknown;
  try {
    length = validatePhoneNumberLength(digits, { defaultCountry: country }, metadata) ?? 'ok';
  } catch (error) {
    length = { error: error instanceof Error ? error.message : String(error) };
  }
  const typing = new AsYouType(country, metadata);
  const asYouType = { text: typing.input(digits), value: typing.getNumberValue(), country: typing.getCountry() };
  const parsed = rules.parsePhoneNumber(text, country);
  return {
    library,
    length,
    asYouType,
    parsed,
    display: parsed.ok ? rules.formatPhoneForDisplay(parsed.e164) : null,
    field: rules.readPhoneDigits(digits.replace(/[^+0-9]/g, ''), country),
  };
}

describe('phone metadata split by calling code', () => {
  it('lists every calling code with its regions, as the whole metadata has them', () => {
    const whole = fullMetadata as MetadataJson;
    const expected: Record<string, readonly string[]> = { ...whole.country_calling_codes };
    for (const code of Object.keys(whole.nonGeographic)) expected[code] ??= ['001'];
    expect(CALLING_CODE_REGIONS).toEqual(expected);
  });

  it('has one chunk per calling code, holding exactly its regions', async () => {
    for (const [code, regions] of Object.entries(CALLING_CODE_REGIONS)) {
      const part = await loadCallingCode(code);
      const geographic = regions.filter((region) => region !== '001');
      expect(Object.keys(part.countries).sort()).toEqual([...geographic].sort());
      for (const region of geographic) expect(part.countries[region]).toEqual((fullMetadata as MetadataJson).countries[region as CountryCode]);
      if (regions.includes('001')) expect(part.nonGeographic?.[code]).toEqual((fullMetadata as MetadataJson).nonGeographic[code]);
    }
  });

  it('validates and formats every example number and test vector as the whole metadata does', async () => {
    const cases = corpus();
    expect(cases.length).toBeGreaterThan(1_000);
    const differences: string[] = [];
    for (const item of cases) {
      const store = createPhoneMetadataStore(loadCallingCode);
      await store.loadFor(normalizePhoneInput(item.text), item.country);
      expect(store.isReadyFor(normalizePhoneInput(item.text), item.country)).toBe(true);
      const split = reading(store.metadata, createPhoneRules(store.metadata), item);
      const whole = reading(fullMetadata, fullRules, item);
      try {
        expect(split).toEqual(whole);
      } catch {
        differences.push(`${item.text} (${item.country ?? 'no country'})`);
      }
    }
    expect(differences).toEqual([]);
  }, 120_000);

  it('loads only the calling codes a number needs', async () => {
    const store = createPhoneMetadataStore(loadCallingCode);
    await store.loadFor('011442079460958', 'US');
    expect(Object.keys(store.metadata.country_calling_codes).sort()).toEqual(['1', '44']);
    await store.loadFor('+4930123456', 'US');
    expect(Object.keys(store.metadata.country_calling_codes).sort()).toEqual(['1', '44', '49']);
  });
});
