import { InvalidArgumentError } from "../../errors.ts";
import { Window } from "./window.ts";

/**
 * `[start, end)`: the window of tumbling and hopping windows (Java's `TimeWindow`). Sliding-window aggregates key
 * their results by TimeWindow too, although their windows include the end (as Java does).
 */
export class TimeWindow extends Window {
  constructor(startMs: number, endMs: number) {
    super(startMs, endMs);
    if (startMs === endMs) throw new InvalidArgumentError("Window endMs must be greater than window startMs.");
  }

  overlap(other: Window): boolean {
    this.requireSameKind(other);
    return this.startMs < other.endMs && other.startMs < this.endMs;
  }
}
