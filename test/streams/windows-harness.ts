// Builds the windowed topologies the windows-*.test.ts files run: String in, and a windowed table written to "out"
// with Java's Windowed.toString() as key and String(value) as value (null stays a tombstone), as the Java oracle does.
import { Consumed, Produced, Serdes, StreamsBuilder, type KStream, type KTable, type Topology } from "../../checker/streams/index.ts";
import type { Windowed } from "../../checker/streams/kstream/windows/windowed.ts";
import { driverFor, pipe, read, run, type Input, type Output } from "./dsl-harness.ts";

export function windowedTopology<V>(build: (input: KStream<string, string>) => KTable<Windowed<string>, V>): Topology {
  const builder = new StreamsBuilder();
  build(builder.stream<string, string>("in", Consumed.with(Serdes.String(), Serdes.String())))
    .toStream()
    .selectKey((windowedKey) => windowedKey.toString())
    // Tombstones stay null: the DSL's value types do not model null, as Java's do not.
    .mapValues((value) => (value === null ? null : String(value)) as string)
    .to("out", Produced.with(Serdes.String(), Serdes.String()));
  return builder.build();
}

/** `[key, value, timestamp]` rows piped into topic "in". */
export function inputs(...rows: [key: string | null, value: string | null, timestamp: number][]): Input[] {
  return rows.map(([key, value, timestamp]) => ["in", key, value, timestamp]);
}

export function runWindowed<V>(build: (input: KStream<string, string>) => KTable<Windowed<string>, V>, rows: Input[]): Output[] {
  return run(windowedTopology(build), rows);
}

/** Pipes the rows one at a time and returns, per input record, what "out" received meanwhile. */
export function runStepwise(topology: Topology, rows: Input[]): Output[][] {
  const driver = driverFor(topology);
  try {
    return rows.map((row) => {
      pipe(driver, [row]);
      return read(driver);
    });
  } finally {
    driver.close();
  }
}
