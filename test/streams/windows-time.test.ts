// Tumbling and hopping windowed aggregations through the TopologyTestDriver. Expected records come from running the
// same topology and inputs through Java Kafka Streams 4.4.0's TopologyTestDriver.
import { describe, expect, it } from "vitest";
import { TimeWindows } from "../../checker/streams/kstream/windows/time-windows.ts";
import { inputs, runWindowed } from "./windows-harness.ts";

describe("tumbling windows", () => {
  it("closes a window exactly at end + grace, accepting out-of-order records before that", () => {
    const out = runWindowed(
      (input) => input.groupByKey().windowedBy(TimeWindows.ofSizeAndGrace(10, 5)).count(),
      inputs(["A", "a", 0], ["A", "b", 9], ["B", "c", 14], ["A", "d", 3], ["B", "e", 15], ["A", "f", 5], ["A", "g", 10]),
    );
    expect(out).toEqual([
      ["[A@0/10]", "1", 0],
      ["[A@0/10]", "2", 9],
      ["[B@10/20]", "1", 14],
      // stream time 14 < 10 + 5: still open; the timestamp stays the window's max (9)
      ["[A@0/10]", "3", 9],
      ["[B@10/20]", "2", 15],
      // stream time 15 = 10 + 5: A@5 is dropped
      ["[A@10/20]", "1", 10],
    ]);
  });

  it("drops null keys without moving stream time", () => {
    const out = runWindowed(
      (input) => input.groupByKey().windowedBy(TimeWindows.ofSizeWithNoGrace(10)).count(),
      inputs(["A", "a", 5], [null, "b", 30], ["A", "c", 7], ["B", "d", 30], ["A", "e", 8]),
    );
    expect(out).toEqual([
      ["[A@0/10]", "1", 5],
      ["[A@0/10]", "2", 7],
      ["[B@30/40]", "1", 30],
    ]);
  });

  it("passes null values to the aggregator (Java 4.4.0 does, although its javadoc says they are ignored)", () => {
    const out = runWindowed(
      (input) => input.groupByKey().windowedBy(TimeWindows.ofSizeWithNoGrace(10)).aggregate(() => "", (_key, value, aggregate) => `${aggregate}|${value}`),
      inputs(["A", "x", 1], ["A", null, 2], [null, "y", 3], ["A", "z", 4]),
    );
    expect(out).toEqual([
      ["[A@0/10]", "|x", 1],
      ["[A@0/10]", "|x|null", 2],
      ["[A@0/10]", "|x|null|z", 4],
    ]);
  });

  it("reduce keeps the first value as the aggregate", () => {
    const out = runWindowed(
      (input) => input.groupByKey().windowedBy(TimeWindows.ofSizeWithNoGrace(10)).reduce((aggregate, value) => `${aggregate}+${value}`),
      inputs(["A", "a", 1], ["A", "b", 2], ["B", "c", 3], ["A", "d", 12]),
    );
    expect(out).toEqual([
      ["[A@0/10]", "a", 1],
      ["[A@0/10]", "a+b", 2],
      ["[B@0/10]", "c", 3],
      ["[A@10/20]", "d", 12],
    ]);
  });
});

describe("hopping windows", () => {
  it("updates every window containing the record, ascending, when the advance does not divide the size", () => {
    const out = runWindowed(
      (input) => input.groupByKey().windowedBy(TimeWindows.ofSizeWithNoGrace(10).advanceBy(3)).count(),
      inputs(["A", "a", 11], ["A", "b", 2], ["A", "c", 20]),
    );
    expect(out).toEqual([
      ["[A@3/13]", "1", 11],
      ["[A@6/16]", "1", 11],
      ["[A@9/19]", "1", 11],
      // A@2: its only window [0,10) closed at stream time 11
      ["[A@12/22]", "1", 20],
      ["[A@15/25]", "1", 20],
      ["[A@18/28]", "1", 20],
    ]);
  });
});
