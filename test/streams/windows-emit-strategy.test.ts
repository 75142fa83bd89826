// emitStrategy(onWindowClose()) through the TopologyTestDriver; expected records come from Java Kafka Streams 4.4.0
// with in-memory stores — including the final results Java loses when its store has already expired the window.
import { describe, expect, it } from "vitest";
import { EmitStrategy } from "../../checker/streams/kstream/windowed/emit-strategy.ts";
import { SessionWindows } from "../../checker/streams/kstream/windows/session-windows.ts";
import { SlidingWindows } from "../../checker/streams/kstream/windows/sliding-windows.ts";
import { TimeWindows } from "../../checker/streams/kstream/windows/time-windows.ts";
import { inputs, runStepwise, windowedTopology } from "./windows-harness.ts";

describe("emitStrategy(onWindowClose)", () => {
  it("emits closed tumbling windows once, by start then key, and loses those the store expired first", () => {
    const steps = runStepwise(
      windowedTopology((input) => input.groupByKey().windowedBy(TimeWindows.ofSizeAndGrace(10, 2)).emitStrategy(EmitStrategy.onWindowClose()).count()),
      inputs(["A", "a", 1], ["B", "b", 5], ["A", "c", 12], ["A", "d", 11], ["B", "e", 30], ["B", "f", 45], ["B", "g", 60]),
    );
    expect(steps).toEqual([
      [],
      [],
      [
        ["[A@0/10]", "1", 1],
        ["[B@0/10]", "1", 5],
      ],
      [],
      // [A@10/20] closed here, but B@30 made the store (retention size + grace = 12) drop it: Java never emits it
      [],
      [["[B@30/40]", "1", 30]],
      [],
    ]);
  });

  it("hopping windows: only the windows still in the store when the close range reaches them", () => {
    const steps = runStepwise(
      windowedTopology((input) => input.groupByKey().windowedBy(TimeWindows.ofSizeAndGrace(10, 2).advanceBy(5)).emitStrategy(EmitStrategy.onWindowClose()).count()),
      inputs(["A", "a", 1], ["A", "b", 7], ["A", "c", 16], ["A", "d", 18], ["A", "e", 40]),
    );
    expect(steps.flat()).toEqual([["[A@5/15]", "1", 7]]);
    expect(steps[3]).toEqual([["[A@5/15]", "1", 7]]);
  });

  it("sliding windows are emitted after a record that is not early", () => {
    const steps = runStepwise(
      windowedTopology((input) =>
        input
          .groupByKey()
          .windowedBy(SlidingWindows.ofTimeDifferenceWithNoGrace(5))
          .emitStrategy(EmitStrategy.onWindowClose())
          .reduce((aggregate, value) => `${aggregate}+${value}`),
      ),
      inputs(["A", "a", 1], ["A", "b", 3], ["A", "c", 10], ["A", "d", 30]),
    );
    expect(steps).toEqual([
      [],
      [],
      [
        ["[A@0/5]", "a+b", 3],
        ["[A@2/7]", "b", 3],
      ],
      [],
    ]);
  });

  it("sessions: the in-memory store has expired a session by the time it closes, so Java emits nothing", () => {
    const steps = runStepwise(
      windowedTopology((input) =>
        input
          .groupByKey()
          .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(5))
          .emitStrategy(EmitStrategy.onWindowClose())
          .reduce((aggregate, value) => `${aggregate}+${value}`),
      ),
      inputs(["A", "a", 1], ["A", "b", 4], ["B", "c", 9], ["A", "d", 20], ["B", "e", 40]),
    );
    expect(steps.flat()).toEqual([]);
  });
});
