// The comparison behind `npm run streams:diff`: it names the first difference, and only real differences.
import { describe, expect, it } from "vitest";
import type { ScenarioResult } from "../../checker/streams/oracle/oracle.ts";
import { firstMismatch } from "../../checker/streams/scenarios/compare.ts";

const java: ScenarioResult = {
  scenario: "s",
  outputs: [
    { step: 0, topic: "out", key: "[A@0/10]", value: "1", ts: 0 },
    { step: 1, topic: "out", key: "[A@0/10]", value: null, ts: 5 },
  ],
  topics: ["ccdak-X-changelog", "out"],
  describe: "Sink: KSTREAM-SINK-0000000001 (extractor class: dev.kafkalings.oracle.Topologies$$Lambda$47/0x00007f@5606c0b)",
};
const same = (): ScenarioResult => structuredClone(java);

describe("firstMismatch", () => {
  it("accepts an identical result, whatever the JVM calls a lambda extractor", () => {
    expect(firstMismatch(java, { ...same(), describe: "Sink: KSTREAM-SINK-0000000001 (extractor class: anonymous)" })).toBeUndefined();
  });

  it("names the first record that differs in timestamp, value (null vs \"null\"), topic or step", () => {
    const ts = same();
    ts.outputs[1]!.ts = 6;
    expect(firstMismatch(java, ts)?.what).toBe("record 1");
    const nullText = same();
    nullText.outputs[1]!.value = "null";
    expect(firstMismatch(java, nullText)).toMatchObject({ what: "record 1", expected: java.outputs[1], actual: nullText.outputs[1] });
    const step = same();
    step.outputs[0]!.step = 1;
    expect(firstMismatch(java, step)?.what).toBe("record 0");
  });

  it("catches missing and extra records, order, topics, errors and describe()", () => {
    expect(firstMismatch(java, { ...same(), outputs: [java.outputs[0]!] })).toMatchObject({ what: "record 1", actual: "(no more records)" });
    expect(firstMismatch(java, { ...same(), outputs: [...java.outputs].reverse() })?.what).toBe("record 0");
    expect(firstMismatch(java, { ...same(), outputs: [...java.outputs, java.outputs[1]!] })?.what).toBe("record 2");
    expect(firstMismatch(java, { ...same(), topics: ["out"] })?.what).toBe("produced topic names");
    expect(firstMismatch(java, { ...same(), error: "boom" })?.what).toBe("error");
    expect(firstMismatch(java, { ...same(), describe: "other" })?.what).toBe("describe()");
    expect(firstMismatch(java, { ...same(), describe: "other" }, { describe: false })).toBeUndefined();
  });
});
