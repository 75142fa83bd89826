import { InvalidArgumentError } from "../../errors.ts";
import { validateMillis } from "./duration.ts";
import { TimeWindow } from "./time-window.ts";
import { NO_GRACE_PERIOD, Windows } from "./windows.ts";

/**
 * Tumbling (`advance == size`) and hopping (`advance < size`) windows (Java's `TimeWindows`, 4.x factories only:
 * `of(size)` and `grace()` were removed in 4.0). Windows are epoch-aligned and half-open: `[N·advance, N·advance + size)`.
 * A window closes at `end + grace` of the aggregate's stream time.
 */
export class TimeWindows extends Windows<TimeWindow> {
  private constructor(
    readonly sizeMs: number,
    readonly advanceMs: number,
    private readonly graceMs: number,
  ) {
    super();
    if (sizeMs <= 0) throw new InvalidArgumentError("Window size (sizeMs) must be larger than zero.");
    if (advanceMs <= 0 || advanceMs > sizeMs) {
      throw new InvalidArgumentError(
        `Window advancement interval should be more than zero and less than window duration which is ${sizeMs} ms, but given advancement interval is: ${advanceMs} ms`,
      );
    }
    if (graceMs < 0) throw new InvalidArgumentError("Grace period must not be negative.");
  }

  /** Tumbling windows of `size` ms that drop every record arriving after its window ended. */
  static ofSizeWithNoGrace(size: number): TimeWindows {
    return TimeWindows.ofSizeAndGrace(size, NO_GRACE_PERIOD);
  }

  /** Tumbling windows of `size` ms accepting out-of-order records until `afterWindowEnd` ms after the window end. */
  static ofSizeAndGrace(size: number, afterWindowEnd: number): TimeWindows {
    const sizeMs = validateMillis(size, "size");
    const graceMs = validateMillis(afterWindowEnd, "afterWindowEnd");
    return new TimeWindows(sizeMs, sizeMs, graceMs);
  }

  /** Hopping windows: same size and grace, a new window every `advance` ms (`0 < advance <= size`). */
  advanceBy(advance: number): TimeWindows {
    return new TimeWindows(this.sizeMs, validateMillis(advance, "advance"), this.graceMs);
  }

  windowsFor(timestamp: number): Map<number, TimeWindow> {
    // Integer division as Java's long arithmetic: the first aligned start whose window still contains the timestamp.
    let windowStart = Math.floor(Math.max(0, timestamp - this.sizeMs + this.advanceMs) / this.advanceMs) * this.advanceMs;
    const windows = new Map<number, TimeWindow>();
    while (windowStart <= timestamp) {
      windows.set(windowStart, new TimeWindow(windowStart, windowStart + this.sizeMs));
      windowStart += this.advanceMs;
    }
    return windows;
  }

  size(): number {
    return this.sizeMs;
  }

  gracePeriodMs(): number {
    return this.graceMs;
  }

  equals(other: unknown): boolean {
    return other instanceof TimeWindows && other.sizeMs === this.sizeMs && other.advanceMs === this.advanceMs && other.graceMs === this.graceMs;
  }

  /** Java's text, stray comma included. */
  override toString(): string {
    return `TimeWindows{, sizeMs=${this.sizeMs}, advanceMs=${this.advanceMs}, graceMs=${this.graceMs}}`;
  }
}
