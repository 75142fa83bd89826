// Grading a topology input by input: after each record piped through the TopologyTestDriver, the records each
// output topic received are compared with Java Kafka Streams' (checked with the oracle), with a message that says
// what that input should have done. The first difference ends the checks: later steps only repeat it.
import type { GradeContext } from "../../../runner/grade.ts";
import type { DriverRun, TopicRecord } from "./records.ts";

/** An output record as the learner sees it in a failure: the value parsed when it is JSON. */
export interface ShownRecord {
  key: string | null;
  value: unknown;
  timestamp: number;
}

export interface StepCheck {
  /** The output topic's short name. */
  topic: string;
  /** What this input must do to that topic, said so that a wrong result points at the mistake. */
  message: string;
  expected: ShownRecord[];
}

export interface Step {
  input: TopicRecord;
  checks: StepCheck[];
}

export function shown(record: TopicRecord): ShownRecord {
  return { key: record.key, value: parsedValue(record.value), timestamp: record.timestamp };
}

/** A value parsed as JSON, or the text itself when it is not JSON. */
export function parsedValue(value: string | null): unknown {
  if (value === null) return null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Records every step's checks until one fails; returns whether all held. */
export function checkSteps(t: GradeContext, steps: Step[], run: DriverRun): boolean {
  return steps.every((step, index) =>
    step.checks.every((check) => t.expectEqual(check.message, check.expected, (run.steps[index] ?? []).filter((r) => r.topic === check.topic).map(shown))),
  );
}

/** Whether the topology writes to every output topic at all: the first thing a stub gets wrong. */
export function checkWritesTo(t: GradeContext, run: DriverRun, topics: Record<string, string>): boolean {
  return Object.entries(topics).every(([topic, what]) =>
    t.expectTrue(`your topology writes ${what} to ctx.topic("${topic}")`, run.producedTopics.includes(topic), { expected: topic, actual: run.producedTopics }),
  );
}
