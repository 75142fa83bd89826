import { IllegalStateError, InvalidArgumentError } from "../../errors.ts";
import { validateMillis } from "../windows/duration.ts";

/** Java's `Windows.DEPRECATED_DEFAULT_24_HR_GRACE_PERIOD`, still used by the deprecated `JoinWindows.of`. */
const DEPRECATED_DEFAULT_24_HR_GRACE_PERIOD = 24 * 60 * 60 * 1000;

/**
 * The time bounds of a stream-stream join (Java's `JoinWindows`, Kafka Streams 4.4.0). A left record at `t` joins a
 * right record at `t'` with the same key when `t - before <= t' <= t + after` (both bounds inclusive). `before` or
 * `after` may be negative as long as `before + after >= 0`. Unmatched left/outer results are held back until
 * `t + after + grace` (right side: `t + before + grace`) is behind stream time.
 *
 * Durations are milliseconds. Java 4.4.0 still has the deprecated `of(Duration)` and `grace(Duration)` (kept for
 * KAFKA-13813); they are offered too, marked deprecated, because they switch the "spurious results" fix off.
 */
export class JoinWindows {
  private constructor(
    /** How far back (ms) from a left record's timestamp a right record may be. */
    readonly beforeMs: number,
    /** How far ahead (ms) of a left record's timestamp a right record may be. */
    readonly afterMs: number,
    private readonly graceMs: number,
    /**
     * @internal True for the 3.0+ factories: unmatched left/outer results wait until their window closes. False only
     * for the deprecated `of`, which emits `v+null` at once (and later the real match too: the "spurious" result).
     */
    readonly spuriousResultFixEnabled: boolean,
  ) {
    if (beforeMs + afterMs < 0) throw new InvalidArgumentError("Window interval (ie, beforeMs+afterMs) must not be negative.");
    if (graceMs < 0) throw new InvalidArgumentError("Grace period must not be negative.");
  }

  /** Records join when at most `timeDifferenceMs` apart; out-of-order records are accepted `afterWindowEndMs` longer. */
  static ofTimeDifferenceAndGrace(timeDifferenceMs: number, afterWindowEndMs: number): JoinWindows {
    const difference = validateMillis(timeDifferenceMs, "timeDifference");
    const grace = validateMillis(afterWindowEndMs, "afterWindowEnd");
    return new JoinWindows(difference, difference, grace, true);
  }

  /** Records join when at most `timeDifferenceMs` apart; no grace period. */
  static ofTimeDifferenceWithNoGrace(timeDifferenceMs: number): JoinWindows {
    return JoinWindows.ofTimeDifferenceAndGrace(timeDifferenceMs, 0);
  }

  /**
   * @deprecated since Kafka 3.0: use `ofTimeDifferenceWithNoGrace` / `ofTimeDifferenceAndGrace`. Grace is
   * `max(24h - 2 * timeDifference, 0)` and left/outer joins emit `v+null` eagerly (spurious results).
   */
  static of(timeDifferenceMs: number): JoinWindows {
    const difference = validateMillis(timeDifferenceMs, "timeDifference");
    return new JoinWindows(difference, difference, Math.max(DEPRECATED_DEFAULT_24_HR_GRACE_PERIOD - difference * 2, 0), false);
  }

  /** A copy whose lower bound is `timeDifferenceMs` before the left record (negative moves it after). */
  before(timeDifferenceMs: number): JoinWindows {
    return new JoinWindows(validateMillis(timeDifferenceMs, "timeDifference"), this.afterMs, this.graceMs, this.spuriousResultFixEnabled);
  }

  /** A copy whose upper bound is `timeDifferenceMs` after the left record (negative moves it before). */
  after(timeDifferenceMs: number): JoinWindows {
    return new JoinWindows(this.beforeMs, validateMillis(timeDifferenceMs, "timeDifference"), this.graceMs, this.spuriousResultFixEnabled);
  }

  /** @deprecated since Kafka 3.0: only valid after the deprecated `of`; use `ofTimeDifferenceAndGrace`. */
  grace(afterWindowEndMs: number): JoinWindows {
    if (this.spuriousResultFixEnabled) {
      throw new IllegalStateError("Cannot call grace() after setting grace value via ofTimeDifferenceAndGrace or ofTimeDifferenceWithNoGrace.");
    }
    return new JoinWindows(this.beforeMs, this.afterMs, validateMillis(afterWindowEndMs, "afterWindowEnd"), false);
  }

  /** `before + after`: the size of the join stores' windows. */
  size(): number {
    return this.beforeMs + this.afterMs;
  }

  gracePeriodMs(): number {
    return this.graceMs;
  }

  equals(other: unknown): boolean {
    return other instanceof JoinWindows && other.beforeMs === this.beforeMs && other.afterMs === this.afterMs && other.graceMs === this.graceMs;
  }

  toString(): string {
    return `JoinWindows{beforeMs=${this.beforeMs}, afterMs=${this.afterMs}, graceMs=${this.graceMs}}`;
  }
}
