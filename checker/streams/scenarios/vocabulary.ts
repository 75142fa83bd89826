/**
 * The shared vocabulary of user functions, the TypeScript twin of the oracle's Fn.java: lambdas cannot cross from
 * TypeScript to Java, so every scenario uses these, and each returns exactly what its Java twin returns (null and
 * Java's "null" printing included).
 */
const WHOLE_NUMBER = /^-?\d+$/;

/** A value read as a whole number; null or non-numeric text counts as 0. */
export function num(value: string | null): number {
  return value !== null && WHOLE_NUMBER.test(value) ? Number(value) : 0;
}

export function gt5(value: string | null): boolean {
  return num(value) > 5;
}

export function upper(value: string | null): string | null {
  return value === null ? null : value.toUpperCase();
}

/** Java's String.valueOf for the strings we handle: null prints as "null". */
export function javaString(value: string | null): string {
  return value === null ? "null" : value;
}

/** Space-separated words with Java's `split(" ")` rules: no separator → the whole text; trailing empty words dropped. */
export function words(value: string | null): string[] {
  if (value === null) return [];
  if (!value.includes(" ")) return [value];
  const parts = value.split(" ");
  while (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  return parts;
}

/** The joiner: Java's string concatenation prints a missing side as "null". */
export function concat(left: string | null, right: string | null): string {
  return `${javaString(left)}+${javaString(right)}`;
}

export function sum(a: string | null, b: string | null): string {
  return String(num(a) + num(b));
}

export function minus(a: string | null, b: string | null): string {
  return String(num(a) - num(b));
}

/** The aggregate of the concat aggregations: every value in arrival order, joined by commas. */
export function append(aggregate: string, value: string | null): string {
  return aggregate === "" ? javaString(value) : `${aggregate},${javaString(value)}`;
}

/** The session merger of the concat aggregations: both aggregates, earlier session first. */
export function merge(earlier: string, later: string): string {
  if (earlier === "") return later;
  return later === "" ? earlier : `${earlier},${later}`;
}

/** "eu:5" → "eu": the group part of a regroup-table value. */
export function group(value: string): string {
  return value.split(":")[0] ?? "";
}

/** "eu:5" → "5": the amount part of a regroup-table value. */
export function amount(value: string): string {
  return value.split(":")[1] ?? "0";
}

/** The GlobalKTable key mapper: the stream value names the table key; "none" maps to no key (null). */
export function tableKey(value: string | null): string | null {
  return value === "none" ? null : value;
}
