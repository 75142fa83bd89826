import { InvalidArgumentError } from "../../errors.ts";
import { validateMillis } from "./duration.ts";
import { NO_GRACE_PERIOD } from "./windows.ts";

/**
 * Sessions: per key, records closer than the inactivity gap (inclusive) fall into one window `[first, last]`
 * (Java's `SessionWindows`; 4.x factories only, `with(gap)` was removed in 4.0). A late record can bridge two
 * sessions, which then merge.
 */
export class SessionWindows {
  private constructor(
    private readonly gapMs: number,
    private readonly graceMs: number,
  ) {
    // Java 4.4.0 accepts a zero gap (only records with equal timestamps then share a session).
    if (gapMs < 0) throw new InvalidArgumentError("Gap time cannot be negative.");
    if (graceMs < 0) throw new InvalidArgumentError("Grace period cannot be negative.");
  }

  static ofInactivityGapWithNoGrace(inactivityGap: number): SessionWindows {
    return SessionWindows.ofInactivityGapAndGrace(inactivityGap, NO_GRACE_PERIOD);
  }

  static ofInactivityGapAndGrace(inactivityGap: number, afterWindowEnd: number): SessionWindows {
    const gapMs = validateMillis(inactivityGap, "inactivityGap");
    const graceMs = validateMillis(afterWindowEnd, "afterWindowEnd");
    return new SessionWindows(gapMs, graceMs);
  }

  inactivityGap(): number {
    return this.gapMs;
  }

  gracePeriodMs(): number {
    return this.graceMs;
  }

  equals(other: unknown): boolean {
    return other instanceof SessionWindows && other.gapMs === this.gapMs && other.graceMs === this.graceMs;
  }

  toString(): string {
    return `SessionWindows{gapMs=${this.gapMs}, graceMs=${this.graceMs}}`;
  }
}
