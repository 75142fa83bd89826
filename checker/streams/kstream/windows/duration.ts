import { InvalidArgumentError } from "../../errors.ts";

/**
 * Java's `ApiUtils.validateMillisecondDuration` for durations given as milliseconds: a duration must be present and
 * a whole number of milliseconds (Java's `Duration.toMillis()` cannot fail on a number, so NaN, Infinity and
 * fractions get its overflow message). Messages keep Java's wording: `Invalid value for parameter "size" (value was: …). `.
 */
export function validateMillis(value: number | null | undefined, name: string): number {
  const prefix = `Invalid value for parameter "${name}" (value was: ${value}). `;
  if (value === null || value === undefined) throw new InvalidArgumentError(`${prefix}It shouldn't be null.`);
  if (!Number.isSafeInteger(value)) throw new InvalidArgumentError(`${prefix}It can't be converted to milliseconds.`);
  return value;
}
