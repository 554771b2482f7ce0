import { useId, useMemo } from 'react';
import type { FocusEvent } from 'react';
import { getCountries, getCountryCallingCode } from 'react-phone-number-input/min';
import type { Country, Labels } from 'react-phone-number-input';
import { useLocale, useMessages } from '../i18n/context';
import { cx } from './class-names';

/** The option value standing for "no country" (a number typed with its own `+`). */
const INTERNATIONAL = 'ZZ';

/** What react-phone-number-input hands its `countrySelectComponent`. */
export interface CountrySelectProps {
  /** The selected country, or undefined for "International". */
  value?: Country;
  /** Options in display order; `value` is undefined for "International". */
  options: ReadonlyArray<{ value?: Country; label: string; divider?: boolean }>;
  /** Reports the chosen country (undefined for "International"). */
  onChange: (value?: Country) => void;
  /** Forwarded so the phone input knows where focus is. */
  onFocus?: (event: FocusEvent<HTMLElement>) => void;
  /** Forwarded so the phone input knows where focus is. */
  onBlur?: (event: FocusEvent<HTMLElement>) => void;
  /** Disables the select with the phone input. */
  disabled?: boolean;
  /** Makes the select read-only with the phone input. */
  readOnly?: boolean;
  /** Form field name. */
  name?: string;
}

/**
 * A native `<select>` with a visible "Country" label, country names in the user's language and
 * their calling codes. No flags: the library's default flags are images from a third-party host.
 */
export function CountrySelect({ value, options, onChange, onFocus, onBlur, disabled, readOnly, name }: CountrySelectProps) {
  const t = useMessages();
  const id = useId();
  return (
    <div className="tfa-field tfa-country-field">
      <label htmlFor={id} className="tfa-label">
        {t.countryLabel}
      </label>
      <select
        id={id}
        name={name}
        className={cx('tfa-select', 'PhoneInputCountrySelect')}
        value={value ?? INTERNATIONAL}
        disabled={disabled || readOnly}
        onChange={(event) => {
          const next = event.currentTarget.value;
          onChange(next === INTERNATIONAL ? undefined : (next as Country));
        }}
        onFocus={onFocus}
        onBlur={onBlur}
      >
        {options
          .filter((option) => !option.divider)
          .map((option) =>
            option.value === undefined ? (
              <option key={INTERNATIONAL} value={INTERNATIONAL}>
                {option.label}
              </option>
            ) : (
              <option key={option.value} value={option.value}>
                {t.countryOption(option.label, getCountryCallingCode(option.value))}
              </option>
            ),
          )}
      </select>
    </div>
  );
}

/**
 * Labels for react-phone-number-input: every country named by `Intl.DisplayNames` in `locale`
 * (falling back to the region code where the runtime has no names), plus our copy for the field
 * names and the "International" option.
 */
export function useCountryLabels(): Labels {
  const locale = useLocale();
  const { countryLabel, phoneLabel, internationalOption } = useMessages();
  // Keyed on strings, not the messages object: hosts often pass a fresh `messages` every render,
  // and naming ~250 regions each time is wasted work.
  const countryNames = useMemo(() => createCountryNames(locale), [locale]);
  return useMemo(
    () => ({ ...countryNames, country: countryLabel, phone: phoneLabel, ZZ: internationalOption }),
    [countryNames, countryLabel, phoneLabel, internationalOption],
  );
}

function createCountryNames(locale: string): Labels {
  const names = createRegionNames(locale);
  const labels: Labels = {};
  for (const country of getCountries()) labels[country] = names?.of(country) ?? country;
  return labels;
}

function createRegionNames(locale: string): Intl.DisplayNames | null {
  if (typeof Intl === 'undefined' || typeof Intl.DisplayNames !== 'function') return null;
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' });
  } catch {
    // An invalid locale tag throws a RangeError; the region code is still better than nothing.
    return null;
  }
}
