// Session-window aggregations through the TopologyTestDriver; expected records come from Java Kafka Streams 4.4.0.
import { describe, expect, it } from "vitest";
import { SessionWindows } from "../../checker/streams/kstream/windows/session-windows.ts";
import { inputs, runWindowed } from "./windows-harness.ts";

describe("session windows", () => {
  it("merges sessions with a tombstone for the old one first (Kafka's SessionWindowedKStreamImplTest vector, gap 500)", () => {
    const out = runWindowed(
      (input) => input.groupByKey().windowedBy(SessionWindows.ofInactivityGapWithNoGrace(500)).count(),
      inputs(["1", "1", 10], ["1", "1", 15], ["1", "1", 600], ["2", "1", 600], ["2", "1", 599]),
    );
    expect(out).toEqual([
      ["[1@10/10]", "1", 10],
      ["[1@10/10]", null, 10],
      ["[1@10/15]", "2", 15],
      ["[1@600/600]", "1", 600],
      ["[2@600/600]", "1", 600],
      ["[2@600/600]", null, 600],
      ["[2@599/600]", "2", 600],
    ]);
  });

  it("a record bridging two sessions merges them: tombstones by session end, then the merged session", () => {
    const out = runWindowed(
      (input) => input.groupByKey().windowedBy(SessionWindows.ofInactivityGapAndGrace(5, 10)).reduce((aggregate, value) => `${aggregate}+${value}`),
      inputs(["A", "a", 0], ["A", "b", 10], ["A", "c", 5], ["A", "d", 3]),
    );
    expect(out).toEqual([
      ["[A@0/0]", "a", 0],
      ["[A@10/10]", "b", 10],
      ["[A@0/0]", null, 0],
      ["[A@10/10]", null, 10],
      ["[A@0/10]", "a+b+c", 10],
      // a record inside a session still replaces it: tombstone, then the same window with the new value
      ["[A@0/10]", null, 10],
      ["[A@0/10]", "a+b+c+d", 10],
    ]);
  });

  it("a session that left the store (retention gap + grace, counted from the largest end put) is not merged", () => {
    const out = runWindowed(
      (input) => input.groupByKey().windowedBy(SessionWindows.ofInactivityGapWithNoGrace(5)).reduce((aggregate, value) => `${aggregate}+${value}`),
      inputs(["A", "a", 0], ["A", "b", 10], ["A", "c", 5], ["A", "d", 3]),
    );
    expect(out).toEqual([
      ["[A@0/0]", "a", 0],
      ["[A@10/10]", "b", 10],
      // c@5 is within the gap of [0,0] too, but [0,0] expired when [10,10] was put (10 − 5 ≥ 0)
      ["[A@10/10]", null, 10],
      ["[A@5/10]", "b+c", 10],
      ["[A@5/10]", null, 10],
      ["[A@3/10]", "b+c+d", 10],
    ]);
  });

  it("drops a record when its merged session ends before stream time − gap − grace", () => {
    const out = runWindowed(
      (input) => input.groupByKey().windowedBy(SessionWindows.ofInactivityGapAndGrace(5, 2)).count(),
      inputs(["A", "a", 0], ["B", "b", 20], ["A", "c", 6], ["A", "d", 13]),
    );
    expect(out).toEqual([
      ["[A@0/0]", "1", 0],
      ["[B@20/20]", "1", 20],
      // c@6 < 20 − 2 − 5 = 13 is dropped; d@13 is not (the end is compared with <)
      ["[A@13/13]", "1", 13],
    ]);
  });

  it("aggregates null values and merges with the merger (initializer first)", () => {
    const out = runWindowed(
      (input) =>
        input
          .groupByKey()
          .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(10))
          .aggregate(
            () => "",
            (_key, value, aggregate) => `${aggregate}|${value}`,
            (_key, left, right) => `${left}&${right}`,
          ),
      inputs(["A", "x", 1], ["A", null, 2], [null, "y", 3], ["A", "z", 4]),
    );
    expect(out).toEqual([
      ["[A@1/1]", "|x", 1],
      ["[A@1/1]", null, 1],
      ["[A@1/2]", "&|x|null", 2],
      ["[A@1/2]", null, 2],
      ["[A@1/4]", "&&|x|null|z", 4],
    ]);
  });
});
