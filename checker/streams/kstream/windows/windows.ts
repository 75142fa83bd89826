import type { Window } from "./window.ts";

/** Grace of the `…WithNoGrace` factories (Java's `Windows.NO_GRACE_PERIOD`). */
export const NO_GRACE_PERIOD = 0;

/**
 * Fixed-size window specifications (Java's `Windows<W>`): TimeWindows here, JoinWindows for joins. A windowed
 * aggregate asks `windowsFor(timestamp)` for the windows a record belongs to.
 */
export abstract class Windows<W extends Window> {
  /** Every window containing `timestamp`, keyed and ordered by ascending start (never a negative start). */
  abstract windowsFor(timestamp: number): Map<number, W>;
  /** Window size in ms. */
  abstract size(): number;
  /** How long after a window's end out-of-order records are still accepted, in ms. */
  abstract gracePeriodMs(): number;
}
