// Compares one scenario's TypeScript result with the Java oracle's: records (step, topic, key, value, ts, order),
// produced topic names, the error, and Topology.describe() (unless turned off).
import type { OutputRecord, ScenarioResult } from "../oracle/oracle.ts";

export interface Mismatch {
  /** What differs: "record 3", "topics", "error", "describe". */
  what: string;
  expected: unknown;
  actual: unknown;
}

function sameRecord(a: OutputRecord, b: OutputRecord): boolean {
  return a.step === b.step && a.topic === b.topic && a.key === b.key && a.value === b.value && a.ts === b.ts;
}

/** A sink with a TopicNameExtractor prints the extractor's class: a JVM lambda name in Java, so it is not compared. */
function comparableDescribe(text: string | undefined): string {
  return (text ?? "").replace(/\(extractor class: [^)]*\)/g, "(extractor class: …)");
}

/** The first difference, or undefined when TypeScript matches Java. */
export function firstMismatch(expected: ScenarioResult, actual: ScenarioResult, options: { describe?: boolean } = {}): Mismatch | undefined {
  const count = Math.max(expected.outputs.length, actual.outputs.length);
  for (let index = 0; index < count; index++) {
    const want = expected.outputs[index];
    const got = actual.outputs[index];
    if (!want || !got || !sameRecord(want, got)) return { what: `record ${index}`, expected: want ?? "(no more records)", actual: got ?? "(no more records)" };
  }
  if ((expected.error ?? null) !== (actual.error ?? null)) return { what: "error", expected: expected.error ?? "(none)", actual: actual.error ?? "(none)" };
  if (expected.topics.join("\n") !== actual.topics.join("\n")) return { what: "produced topic names", expected: expected.topics, actual: actual.topics };
  if (options.describe !== false && comparableDescribe(expected.describe) !== comparableDescribe(actual.describe)) {
    return { what: "describe()", expected: expected.describe ?? "", actual: actual.describe ?? "" };
  }
  return undefined;
}
