import { InvalidArgumentError } from "../../errors.ts";

/**
 * A time interval a windowed aggregate keys its results by (Java's `Window`). Start and end are epoch milliseconds;
 * whether `end` is inside the window depends on the kind (TimeWindow: exclusive; SessionWindow: inclusive).
 */
export abstract class Window {
  constructor(
    readonly startMs: number,
    readonly endMs: number,
  ) {
    if (startMs < 0) throw new InvalidArgumentError("Window startMs time cannot be negative.");
    if (endMs < startMs) throw new InvalidArgumentError("Window endMs time cannot be smaller than window startMs time.");
  }

  start(): number {
    return this.startMs;
  }

  end(): number {
    return this.endMs;
  }

  /** Whether `other` (a window of the same kind) overlaps this one. */
  abstract overlap(other: Window): boolean;

  equals(other: unknown): boolean {
    return other instanceof Window && other.constructor === this.constructor && other.startMs === this.startMs && other.endMs === this.endMs;
  }

  toString(): string {
    return `Window{startMs=${this.startMs}, endMs=${this.endMs}}`;
  }

  protected requireSameKind(other: Window): void {
    if (other.constructor !== this.constructor) {
      throw new InvalidArgumentError(`Cannot compare windows of different type. Other window has type ${other.constructor.name}.`);
    }
  }
}
