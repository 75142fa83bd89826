// Sliding-window aggregations through the TopologyTestDriver; expected records come from Java Kafka Streams 4.4.0.
import { describe, expect, it } from "vitest";
import { SlidingWindows } from "../../checker/streams/kstream/windows/sliding-windows.ts";
import { inputs, runWindowed } from "./windows-harness.ts";

describe("sliding windows", () => {
  it("reproduces the SlidingWindows javadoc example (d = 5000)", () => {
    const out = runWindowed(
      (input) => input.groupByKey().windowedBy(SlidingWindows.ofTimeDifferenceWithNoGrace(5000)).count(),
      inputs(["A", "1", 8000], ["A", "1", 9200], ["A", "1", 12400]),
    );
    expect(out).toEqual([
      ["[A@3000/8000]", "1", 8000],
      ["[A@8001/13001]", "1", 9200],
      ["[A@4200/9200]", "2", 9200],
      ["[A@8001/13001]", "2", 12400],
      ["[A@9201/14201]", "1", 12400],
      ["[A@7400/12400]", "3", 12400],
    ]);
  });

  it("puts records earlier than the time difference into the combined window [0, d]", () => {
    const out = runWindowed(
      (input) => input.groupByKey().windowedBy(SlidingWindows.ofTimeDifferenceWithNoGrace(10)).count(),
      inputs(["A", "a", 1], ["A", "b", 4], ["A", "c", 12], ["A", "d", 25]),
    );
    expect(out).toEqual([
      ["[A@0/10]", "1", 1],
      ["[A@2/12]", "1", 4],
      ["[A@0/10]", "2", 4],
      ["[A@2/12]", "2", 12],
      ["[A@5/15]", "1", 12],
      ["[A@15/25]", "1", 25],
    ]);
  });

  it("drops late records and null values", () => {
    const out = runWindowed(
      (input) => input.groupByKey().windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(5, 2)).reduce((aggregate, value) => `${aggregate}+${value}`),
      inputs(["A", "a", 20], ["A", "b", 12], ["A", "c", 13], ["A", null, 14], ["A", "d", 16]),
    );
    expect(out).toEqual([
      ["[A@15/20]", "a", 20],
      // b@12: 12 + 5 < 20 − 2, dropped. c@13: its window [8,13] ends before 18, skipped without output.
      ["[A@15/20]", "a+d", 20],
      ["[A@17/22]", "a", 20],
    ]);
  });
});
