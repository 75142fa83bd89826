// KTable.suppress through the TopologyTestDriver; expected records come from Java Kafka Streams 4.4.0.
import { describe, expect, it } from "vitest";
import { Consumed, Serdes, StreamsBuilder, TopologyException } from "../../checker/streams/index.ts";
import { BufferConfig } from "../../checker/streams/kstream/suppress/buffer-config.ts";
import { Suppressed } from "../../checker/streams/kstream/suppress/suppressed.ts";
import { SessionWindows } from "../../checker/streams/kstream/windows/session-windows.ts";
import { SlidingWindows } from "../../checker/streams/kstream/windows/sliding-windows.ts";
import { TimeWindows } from "../../checker/streams/kstream/windows/time-windows.ts";
import type { Windowed } from "../../checker/streams/kstream/windows/windowed.ts";
import { driverFor, pipe, producedTopics, read } from "./dsl-harness.ts";
import { inputs, runStepwise, windowedTopology } from "./windows-harness.ts";

const untilWindowCloses = () => Suppressed.untilWindowCloses(BufferConfig.unbounded());

describe("suppress(untilWindowCloses)", () => {
  it("emits each window once, when stream time reaches end + grace, with its last record's timestamp", () => {
    const steps = runStepwise(
      windowedTopology((input) => input.groupByKey().windowedBy(TimeWindows.ofSizeAndGrace(10, 3)).count().suppress(untilWindowCloses())),
      inputs(["A", "x", 1], ["A", "y", 5], ["B", "z", 12], ["A", "w", 9], ["C", "q", 25]),
    );
    expect(steps).toEqual([
      [],
      [],
      [],
      // stream time 12 < 10 + 3: A@9 still counts
      [],
      [
        ["[A@0/10]", "3", 9],
        ["[B@10/20]", "1", 12],
      ],
    ]);
  });

  it("waits gap + grace after a session's end", () => {
    const steps = runStepwise(
      windowedTopology((input) => input.groupByKey().windowedBy(SessionWindows.ofInactivityGapAndGrace(5, 1)).count().suppress(untilWindowCloses())),
      inputs(["A", "x", 1], ["A", "y", 5], ["B", "z", 12], ["A", "w", 9], ["C", "q", 25]),
    );
    expect(steps).toEqual([
      [],
      [],
      [["[A@1/5]", "2", 5]],
      [],
      [
        ["[A@9/9]", "1", 9],
        ["[B@12/12]", "1", 12],
      ],
    ]);
  });

  it("drops the tombstones of merged sessions and emits in window-end order", () => {
    const steps = runStepwise(
      windowedTopology((input) => input.groupByKey().windowedBy(SessionWindows.ofInactivityGapWithNoGrace(5)).count().suppress(untilWindowCloses())),
      inputs(["A", "x", 0], ["B", "y", 3], ["A", "z", 4], ["B", "w", 20]),
    );
    expect(steps.at(-1)).toEqual([
      ["[B@3/3]", "1", 3],
      ["[A@0/4]", "2", 4],
    ]);
    expect(steps.slice(0, 3)).toEqual([[], [], []]);
  });

  it("emits sliding windows as soon as end <= stream time − grace", () => {
    const steps = runStepwise(
      windowedTopology((input) => input.groupByKey().windowedBy(SlidingWindows.ofTimeDifferenceWithNoGrace(5)).count().suppress(untilWindowCloses())),
      inputs(["A", "x", 1], ["A", "y", 3], ["A", "z", 10], ["B", "w", 30]),
    );
    expect(steps).toEqual([
      [],
      [],
      [
        ["[A@0/5]", "2", 3],
        ["[A@2/7]", "1", 3],
        ["[A@5/10]", "1", 10],
      ],
      [["[B@25/30]", "1", 30]],
    ]);
  });

  it("finds the grace through operators between the aggregation and suppress", () => {
    const steps = runStepwise(
      windowedTopology((input) =>
        input
          .groupByKey()
          .windowedBy(TimeWindows.ofSizeWithNoGrace(10))
          .count()
          .filter((_key, count) => count % 2 === 1)
          .suppress(untilWindowCloses()),
      ),
      inputs(["A", "a", 1], ["A", "b", 2], ["A", "c", 3], ["B", "d", 25]),
    );
    expect(steps.flat()).toEqual([["[A@0/10]", "3", 3]]);
  });

  it("is a topology error on a table that is not windowed (Java's GraphGraceSearchUtil message)", () => {
    const builder = new StreamsBuilder();
    const counts = builder.stream<string, string>("in", Consumed.with(Serdes.String(), Serdes.String())).groupByKey().count();
    const notWindowed = Suppressed.untilWindowCloses(BufferConfig.unbounded()) as unknown as Suppressed<string>;
    expect(() => counts.suppress(notWindowed)).toThrow(
      new TopologyException("Window close time is only defined for windowed computations. Got [root->KSTREAM-SOURCE-0000000000->KSTREAM-AGGREGATE-0000000002]."),
    );
  });

  it("a full strict buffer stops processing with Java's message", () => {
    const driver = driverFor(
      windowedTopology((input) =>
        input
          .groupByKey()
          .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(5))
          .count()
          .suppress(Suppressed.untilWindowCloses(BufferConfig.maxRecords(2).shutDownWhenFull())),
      ),
    );
    pipe(driver, inputs(["A", "a", 1], ["B", "b", 2]));
    let error: unknown;
    try {
      pipe(driver, inputs(["C", "c", 3]));
    } catch (caught) {
      error = caught;
    }
    // The task wraps it, as Java's StreamTask does ("Exception caught in process…"); the cause is the buffer's.
    while (error instanceof Error && error.cause !== undefined) error = error.cause;
    expect((error as Error).message).toBe("KTABLE-SUPPRESS-0000000003 buffer exceeded its max capacity. Currently [3/2] records and [165/9223372036854775807] bytes.");
  });
});

describe("suppress(untilTimeLimit)", () => {
  it("emits the latest update once its first buffering is old enough, or early when the buffer is full", () => {
    const steps = runStepwise(
      windowedTopology((input) => input.groupByKey().windowedBy(TimeWindows.ofSizeWithNoGrace(10)).count().suppress(Suppressed.untilTimeLimit(5, BufferConfig.maxRecords(2)))),
      inputs(["A", "a", 1], ["B", "b", 2], ["A", "c", 3], ["C", "d", 4], ["D", "e", 5], ["A", "f", 12]),
    );
    expect(steps).toEqual([
      [],
      [],
      [],
      // three keys buffered, two allowed: the oldest buffer time goes (A, buffered at 1, with its latest value)
      [["[A@0/10]", "2", 3]],
      [["[B@0/10]", "1", 2]],
      [
        ["[C@0/10]", "1", 4],
        ["[D@0/10]", "1", 5],
      ],
    ]);
  });
});

describe("suppression buffer store", () => {
  it("is named after the processor and logged, unless disabled (a later shutDownWhenFull turns logging back on, as in Java)", () => {
    const topics = (suppressed: Suppressed<Windowed<unknown>>) => {
      const driver = driverFor(windowedTopology((input) => input.groupByKey().windowedBy(TimeWindows.ofSizeWithNoGrace(10)).count().suppress(suppressed)));
      try {
        pipe(driver, inputs(["A", "a", 1]));
        read(driver);
        return producedTopics(driver);
      } finally {
        driver.close();
      }
    };
    expect(topics(Suppressed.untilWindowCloses(BufferConfig.unbounded()).withName("final"))).toEqual([
      "app-KSTREAM-AGGREGATE-STATE-STORE-0000000001-changelog",
      "app-final-store-changelog",
    ]);
    expect(topics(Suppressed.untilWindowCloses(BufferConfig.unbounded().withLoggingDisabled()))).toEqual(["app-KSTREAM-AGGREGATE-STATE-STORE-0000000001-changelog"]);
    expect(topics(Suppressed.untilWindowCloses(BufferConfig.maxRecords(3).withLoggingDisabled().shutDownWhenFull()))).toEqual([
      "app-KSTREAM-AGGREGATE-STATE-STORE-0000000001-changelog",
      "app-KTABLE-SUPPRESS-STATE-STORE-0000000004-changelog",
    ]);
  });
});
