import { useId, useMemo } from 'react';
import type { CountryCode } from 'libphonenumber-js/core';
import { ALL_COUNTRIES, callingCodeOfCountry } from '../core/phone-metadata/store';
import { useLocale } from '../i18n/context';
import { useMessages } from '../i18n/messages';
import { cx } from './class-names';

/** The option value standing for "no country" (a number typed with its own `+`). */
const INTERNATIONAL = 'ZZ';

/** Props of the phone step's country select. */
export interface CountrySelectProps {
  /** The country shown, or undefined for "International". */
  value?: CountryCode;
  /** Reports the chosen country (undefined for "International"). */
  onChange: (value?: CountryCode) => void;
  /** Countries listed first, in this order, right after "International". @default [] */
  preferredCountries?: readonly CountryCode[];
}

/**
 * A native `<select>` with a visible "Country" label, "International" first, then the preferred
 * countries, then every other country named in the user's language (sorted in it) with its
 * calling code. Typing a name finds it (the browser's own type-ahead). No flags: the usual flag
 * images come from a third-party host.
 */
export function CountrySelect({ value, onChange, preferredCountries = NONE }: CountrySelectProps) {
  const t = useMessages();
  const locale = useLocale();
  const id = useId();
  // Naming and sorting ~250 regions is done once per locale, not on every keystroke.
  const named = useMemo(() => namedCountries(locale), [locale]);
  // The preferred ones first (each listed once), then the rest by name.
  const preferredKey = preferredCountries.join(',');
  const countries = useMemo(() => {
    const first = preferredCountries.flatMap((country) => named.filter(([code]) => code === country));
    return [...first, ...named.filter(([code]) => !preferredCountries.includes(code))];
    // `preferredKey` stands for the array's contents.
  }, [named, preferredKey]);
  return (
    <div className="tfa-field tfa-country-field">
      <label htmlFor={id} className="tfa-label">
        {t.countryLabel}
      </label>
      <select
        id={id}
        className={cx('tfa-select', 'PhoneInputCountrySelect')}
        value={value ?? INTERNATIONAL}
        onChange={(event) => {
          const next = event.currentTarget.value;
          onChange(next === INTERNATIONAL ? undefined : (next as CountryCode));
        }}
      >
        <option value={INTERNATIONAL}>{t.internationalOption}</option>
        {countries.map(([country, name]) => (
          <option key={country} value={country}>
            {t.countryOption(name, callingCodeOfCountry(country) ?? '')}
          </option>
        ))}
      </select>
    </div>
  );
}

const NONE: readonly CountryCode[] = [];

/**
 * Every country libphonenumber-js knows (whether its metadata is loaded yet or not), named by `Intl.DisplayNames` in `locale` (the region
 * code where the runtime has no names), sorted by name in that locale.
 */
function namedCountries(locale: string): Array<[CountryCode, string]> {
  const names =
    typeof Intl.DisplayNames === 'function'
      ? inLocale(locale, (locales) => new Intl.DisplayNames(locales, { type: 'region', fallback: 'code' }))
      : null;
  const collator = inLocale(locale, (locales) => new Intl.Collator(locales));
  return ALL_COUNTRIES.map((country): [CountryCode, string] => [country, names?.of(country) ?? country])
    .sort((a, b) => collator.compare(a[1], b[1]));
}

/** An `Intl` object for `locale`, or for English when the tag is invalid (a `RangeError`). */
function inLocale<T>(locale: string, create: (locales: string[]) => T): T {
  try {
    return create([locale, 'en']);
  } catch {
    return create(['en']);
  }
}
