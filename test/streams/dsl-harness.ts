// Runs a topology through the TopologyTestDriver with String keys/values unless told otherwise, and reads what it
// wrote as [key, value, timestamp] triples, the shape the expectations below are written in.
import { Serdes, TopologyTestDriver, type Serde, type Topology } from "../../checker/streams/index.ts";

export type Input = readonly [topic: string, key: string | null, value: string | null, timestamp: number];
export type Output<V = string> = [key: string | null, value: V | null, timestamp: number];

export const APP = "app";

export function driverFor(topology: Topology): TopologyTestDriver {
  return new TopologyTestDriver(topology, { "application.id": APP });
}

export function pipe(driver: TopologyTestDriver, inputs: readonly Input[]): void {
  const topics = new Map<string, ReturnType<TopologyTestDriver["createInputTopic"]>>();
  for (const [topic, key, value, timestamp] of inputs) {
    let input = topics.get(topic);
    if (!input) {
      input = driver.createInputTopic(topic, Serdes.String(), Serdes.String());
      topics.set(topic, input);
    }
    input.pipeInput(key, value, timestamp);
  }
}

export function read<V = string>(driver: TopologyTestDriver, topic = "out", valueSerde: Serde<V> = Serdes.String() as unknown as Serde<V>): Output<V>[] {
  return driver
    .createOutputTopic(topic, Serdes.String(), valueSerde)
    .readRecordsToList()
    .map((record) => [record.key, record.value, record.timestamp ?? -1]);
}

/** Pipes the inputs and returns what `topic` received; closes the driver. */
export function run<V = string>(topology: Topology, inputs: readonly Input[], topic = "out", valueSerde?: Serde<V>): Output<V>[] {
  const driver = driverFor(topology);
  try {
    pipe(driver, inputs);
    return read(driver, topic, valueSerde);
  } finally {
    driver.close();
  }
}

/** The topics the driver saw records for, sorted (Java returns a Set). */
export function producedTopics(driver: TopologyTestDriver): string[] {
  return [...driver.producedTopicNames()].sort();
}
