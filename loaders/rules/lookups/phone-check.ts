/**
 * One phone number checked by libphonenumber-js with its full metadata (so
 * that number types are known), read with a default country.
 *
 *   checkPhone(text, country) → {e164, valid, type, reason}
 */
import {parsePhoneNumberFromString, validatePhoneNumberLength, isSupportedCountry, type CountryCode} from "libphonenumber-js/max";

export interface PhoneCheck {
  e164: string | null;
  valid: boolean;
  /** MOBILE, FIXED_LINE, FIXED_LINE_OR_MOBILE, VOIP… when valid. */
  type: string | null;
  /** Why not valid: TOO_SHORT, TOO_LONG, INVALID_COUNTRY, NOT_A_NUMBER, INVALID_LENGTH, INVALID. */
  reason: string | null;
}

export function checkPhone(text: string, country: string | null): PhoneCheck {
  const region = country && isSupportedCountry(country) ? (country as CountryCode) : undefined;
  if (/\p{L}/u.test(text)) return {e164: null, valid: false, type: null, reason: "NOT_A_NUMBER"};
  const number = parsePhoneNumberFromString(text, region);
  if (number?.isValid()) return {e164: number.number, valid: true, type: number.getType() ?? null, reason: null};
  const length = validatePhoneNumberLength(text, region);
  return {e164: number?.number ?? null, valid: false, type: null, reason: length ?? "INVALID"};
}
