// Runs a scenario through our TopologyTestDriver, producing the oracle's output shape (ScenarioResult).
import { Serdes } from "../serdes.ts";
import { StreamsBuilder } from "../streams-builder.ts";
import type { Topology } from "../topology/topology.ts";
import { TopologyTestDriver } from "../test-driver/topology-test-driver.ts";
import type { TestInputTopic } from "../test-driver/test-input-topic.ts";
import type { TestOutputTopic } from "../test-driver/test-output-topic.ts";
import type { OutputRecord, ScenarioResult } from "../oracle/oracle.ts";
import { Capture } from "./capture.ts";
import type { Scenario } from "./scenario.ts";
import { buildTopology } from "./topologies.ts";

/** The oracle's determinism settings (Oracle.java deterministicProps); in-memory stores are all we have. */
export const SCENARIO_PROPS = { "application.id": "ccdak", "bootstrap.servers": "unused:9092", "statestore.cache.max.bytes": 0 } as const;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function utf8(bytes: Buffer | null): string | null {
  return bytes === null ? null : bytes.toString("utf8");
}

export function runScenarioInTypeScript(scenario: Scenario): ScenarioResult {
  const capture = new Capture();
  let topology: Topology;
  const result: ScenarioResult = { scenario: scenario.id, outputs: [], topics: [] };
  try {
    const builder = new StreamsBuilder();
    buildTopology(scenario.topology, scenario.params, builder, capture);
    topology = builder.build(SCENARIO_PROPS);
    const described = (topology as { describe?: () => { toString(): string } }).describe?.();
    if (described) result.describe = described.toString();
  } catch (error) {
    return { ...result, error: message(error) };
  }
  const driver = new TopologyTestDriver(topology, SCENARIO_PROPS, 0);
  try {
    const inputs = new Map<string, TestInputTopic<string, string>>();
    const sinks = new Map<string, TestOutputTopic<Buffer, Buffer>>();
    let step = 0;
    try {
      for (const input of scenario.inputs) {
        let topic = inputs.get(input.topic);
        if (!topic) inputs.set(input.topic, (topic = driver.createInputTopic(input.topic, Serdes.String(), Serdes.String())));
        topic.pipeInput(input.key, input.value, input.ts);
        for (const written of capture.drain()) {
          if (typeof written !== "string") {
            result.outputs.push({ step, topic: `(${written.tag})`, key: written.key, value: written.value, ts: null });
            continue;
          }
          let sink = sinks.get(written);
          if (!sink) sinks.set(written, (sink = driver.createOutputTopic(written, Serdes.ByteArray(), Serdes.ByteArray())));
          const record = sink.readRecord();
          const output: OutputRecord = { step, topic: written, key: utf8(record.key), value: utf8(record.value), ts: record.timestamp ?? null };
          result.outputs.push(output);
        }
        step++;
      }
    } catch (error) {
      result.error = `step ${step}: ${message(error)}`;
    }
    result.topics = [...driver.producedTopicNames()].sort();
  } finally {
    driver.close();
  }
  return result;
}
