import { InvalidArgumentError } from "../../errors.ts";
import { validateMillis } from "./duration.ts";
import { NO_GRACE_PERIOD } from "./windows.ts";

/**
 * Windows of a fixed maximum time difference between records, aligned to record timestamps (Java's `SlidingWindows`,
 * KIP-450): `[t − d, t]` and `[t + 1, t + 1 + d]`, both ends inclusive. Only a window that holds records exists, so
 * an aggregate emits far fewer windows than hopping windows with advance 1 would.
 */
export class SlidingWindows {
  private constructor(
    private readonly differenceMs: number,
    private readonly graceMs: number,
  ) {
    if (differenceMs < 0) throw new InvalidArgumentError("Window time difference must not be negative.");
    if (graceMs < 0) throw new InvalidArgumentError("Window grace period must not be negative.");
  }

  static ofTimeDifferenceWithNoGrace(timeDifference: number): SlidingWindows {
    return SlidingWindows.ofTimeDifferenceAndGrace(timeDifference, NO_GRACE_PERIOD);
  }

  static ofTimeDifferenceAndGrace(timeDifference: number, afterWindowEnd: number): SlidingWindows {
    const differenceMs = validateMillis(timeDifference, "timeDifference");
    const graceMs = validateMillis(afterWindowEnd, "afterWindowEnd");
    return new SlidingWindows(differenceMs, graceMs);
  }

  timeDifferenceMs(): number {
    return this.differenceMs;
  }

  gracePeriodMs(): number {
    return this.graceMs;
  }

  equals(other: unknown): boolean {
    return other instanceof SlidingWindows && other.differenceMs === this.differenceMs && other.graceMs === this.graceMs;
  }

  /** Java's text, stray comma included. */
  toString(): string {
    return `SlidingWindows{, sizeMs=${this.differenceMs}, graceMs=${this.graceMs}}`;
  }
}
