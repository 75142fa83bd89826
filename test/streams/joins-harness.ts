// Shared by the joins-*.test.ts files: pipes inputs one at a time and records which input step produced which output,
// so the expectations pin down emission time and order, not just the final list. Expected rows in these tests were
// produced by Java Kafka Streams 4.4.0's TopologyTestDriver (cache 0, in-memory stores, application.id "app") on the
// same topology and inputs, with the joiner `(l, r) => l + "+" + r` (Java prints null as "null").
import type { Topology, TopologyTestDriver } from "../../checker/streams/index.ts";
import { driverFor, pipe, producedTopics, read, type Input } from "./dsl-harness.ts";

export type StepOutput = [step: number, key: string | null, value: string | null, timestamp: number];

export const joiner = (left: string | null, right: string | null): string => `${left}+${right}`;

/** Pipes every input, reading `topic` after each one; returns the outputs tagged with the step that caused them. */
export function runSteps(topology: Topology, inputs: readonly Input[], topic = "out"): { outputs: StepOutput[]; topics: string[]; driver: TopologyTestDriver } {
  const driver = driverFor(topology);
  const outputs: StepOutput[] = [];
  inputs.forEach((input, step) => {
    pipe(driver, [input]);
    for (const [key, value, timestamp] of read(driver, topic)) outputs.push([step, key, value, timestamp]);
  });
  return { outputs, topics: producedTopics(driver), driver };
}

/** Input rows from compact `topic key value timestamp` lines, one per line (`~` = null). */
export function inputs(topicAndLines: string): Input[] {
  return topicAndLines
    .trim()
    .split("\n")
    .map((line) => {
      const [topic, key, value, timestamp] = line.trim().split(/\s+/) as [string, string, string, string];
      const orNull = (text: string): string | null => (text === "~" ? null : text);
      return [topic, orNull(key), orNull(value), Number(timestamp)] as const;
    });
}
