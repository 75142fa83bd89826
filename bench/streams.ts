// npm run bench:streams — records per second, side by side in one run:
//  1. our TopologyTestDriver vs Java's (the oracle's Bench.java) on a stateless chain, a tumbling-window count and a
//     stream-stream join — same topologies, same inputs, a warm-up run before the timed one;
//  2. our KafkaStreams runtime vs Java Kafka Streams (the oracle's JavaStreamsCount) counting per key the 100,000
//     records of one topic on the same local cluster, both with Java's defaults and cache 0.
// Prints a Markdown table with the ratios. BENCH_RECORDS changes the driver record count (default 100,000).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kafka, logLevel, Partitioners } from "kafkajs";
import { createTopic } from "../checker/cluster/admin.ts";
import { ensureCluster } from "../checker/cluster/provider.ts";
import { pollUntil } from "../checker/cluster/wait.ts";
import { JoinWindows, KafkaStreams, KeyValue, Serdes, StreamsBuilder, TimeWindows, TopologyTestDriver, type StreamsConfig } from "../checker/streams/index.ts";
import { benchJavaDriver, benchJavaStreamsCount } from "../checker/streams/oracle/java-bench.ts";

const DRIVER_RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const WARM_UP_RECORDS = Math.min(DRIVER_RECORDS, 20_000);
const CLUSTER_RECORDS = 100_000;
const CLUSTER_KEYS = 1_000;

type DriverTopology = "stateless-chain" | "tumbling-count" | "stream-stream-join";

/** Oracle.deterministicProps(): the settings Java's side runs with. */
const DRIVER_PROPS: StreamsConfig = { "application.id": "ccdak", "statestore.cache.max.bytes": 0 };

/** Java's Fn.num / Fn.gt5: a number if the text is an integer, else 0. */
const greaterThanFive = (value: string) => (/^-?\d+$/.test(value) ? Number(value) : 0) > 5;

/** The three topologies of Bench.java, written with our DSL. */
function driverTopology(name: DriverTopology) {
  const builder = new StreamsBuilder();
  if (name === "stateless-chain") {
    builder
      .stream<string, string>("in")
      .filter((_key, value) => greaterThanFive(value))
      .mapValues((value) => `v${value}`)
      .selectKey((_key, value) => value)
      .to("out");
  } else if (name === "tumbling-count") {
    builder
      .stream<string, string>("in")
      .groupByKey()
      .windowedBy(TimeWindows.ofSizeWithNoGrace(1_000))
      .count()
      .toStream()
      .map((windowed, count) => KeyValue.pair(windowed.toString(), String(count)))
      .to("out");
  } else {
    builder
      .stream<string, string>("left")
      .join(builder.stream<string, string>("right"), (left, right) => `${left}+${right}`, JoinWindows.ofTimeDifferenceWithNoGrace(100))
      .to("out");
  }
  return builder.build();
}

/** Bench.run: record i has key k(i % 100) (join: k((i / 2) % 100), even i left, odd right), value i % 10, time i. */
function runDriver(name: DriverTopology, records: number): number {
  const twoInputs = name === "stream-stream-join";
  const driver = new TopologyTestDriver(driverTopology(name), DRIVER_PROPS, 0);
  try {
    const first = driver.createInputTopic(twoInputs ? "left" : "in", Serdes.String(), Serdes.String());
    const second = twoInputs ? driver.createInputTopic("right", Serdes.String(), Serdes.String()) : first;
    const out = driver.createOutputTopic("out", Serdes.String(), Serdes.String());
    let outputs = 0;
    for (let i = 0; i < records; i++) {
      const key = `k${(twoInputs ? Math.floor(i / 2) : i) % 100}`;
      (i % 2 === 1 ? second : first).pipeInput(key, String(i % 10), i);
      if (i % 1000 === 999) outputs += out.readRecordsToList().length;
    }
    return outputs + out.readRecordsToList().length;
  } finally {
    driver.close();
  }
}

function benchOurDriver(name: DriverTopology): { recordsPerSecond: number; outputs: number } {
  runDriver(name, WARM_UP_RECORDS);
  const started = performance.now();
  const outputs = runDriver(name, DRIVER_RECORDS);
  return { recordsPerSecond: Math.round(DRIVER_RECORDS / ((performance.now() - started) / 1000)), outputs };
}

/** JavaStreamsCount mirrored: a fresh application counts the topic per key, cache 0, Java's other defaults. */
async function benchOurRuntimeCount(bootstrapServers: string[], topic: string): Promise<{ totalMs: number; processingMs: number }> {
  const latest = new Map<string, number>();
  let counted = 0;
  let firstUpdate = 0;
  let lastUpdate = 0;
  const builder = new StreamsBuilder();
  builder
    .stream<string, string>(topic)
    .groupByKey()
    .count()
    .toStream()
    .foreach((key, count) => {
      firstUpdate ||= performance.now();
      lastUpdate = performance.now();
      counted += count - (latest.get(key) ?? 0);
      latest.set(key, count);
    });
  const streams = new KafkaStreams(builder.build(), {
    "application.id": `bench-ts-count-${Date.now()}`,
    "bootstrap.servers": bootstrapServers,
    "statestore.cache.max.bytes": 0,
  });
  const started = performance.now();
  await streams.start();
  try {
    await pollUntil(() => counted >= CLUSTER_RECORDS, { timeoutMs: 300_000, intervalMs: 10, description: `${CLUSTER_RECORDS} records counted (${counted})` });
  } finally {
    await streams.close();
  }
  return { totalMs: lastUpdate - started, processingMs: lastUpdate - firstUpdate };
}

async function fillCountTopic(kafka: Kafka, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await createTopic(admin, { topic, numPartitions: 3, replicationFactor: 1 });
  await admin.disconnect();
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const now = Date.now();
  for (let start = 0; start < CLUSTER_RECORDS; start += 5_000) {
    const messages = Array.from({ length: 5_000 }, (_, i) => ({ key: `k${(start + i) % CLUSTER_KEYS}`, value: String((start + i) % 10), timestamp: String(now) }));
    await producer.send({ topic, acks: -1, messages });
  }
  await producer.disconnect();
}

const perSecond = (records: number, ms: number) => Math.round(records / (ms / 1000));
const rows: Array<[string, number, number]> = [];

console.error(`driver: ${DRIVER_RECORDS} records per topology (after ${WARM_UP_RECORDS} warm-up), ours then Java's`);
const java = await benchJavaDriver(DRIVER_RECORDS, WARM_UP_RECORDS);
for (const name of ["stateless-chain", "tumbling-count", "stream-stream-join"] as const) {
  const ours = benchOurDriver(name);
  const theirs = java.results.find((result) => result.topology === name)!;
  if (ours.outputs !== theirs.outputs) throw new Error(`${name}: our driver wrote ${ours.outputs} records, Java's ${theirs.outputs}`);
  rows.push([`TopologyTestDriver, ${name} (records/s)`, ours.recordsPerSecond, theirs.recordsPerSecond]);
}

const stateDir = mkdtempSync(join(tmpdir(), "kafkalings-bench-streams-"));
process.env.KAFKALINGS_STATE_DIR = stateDir;
console.error("cluster: starting a local cluster for the runtime comparison");
const { cluster } = await ensureCluster({ provider: "local", mode: "zookeeper" });
try {
  const kafka = new Kafka({ ...cluster.clientConfig("bench-streams"), logLevel: logLevel.NOTHING });
  const topic = "bench-count-input";
  await fillCountTopic(kafka, topic);
  console.error(`cluster: ${CLUSTER_RECORDS} records in ${topic}; counting with our runtime, then with Java Kafka Streams`);
  const ours = await benchOurRuntimeCount(cluster.bootstrapServers, topic);
  const theirs = await benchJavaStreamsCount({ bootstrapServers: cluster.bootstrapServers.join(","), topic, records: CLUSTER_RECORDS, cacheMaxBytes: 0 });
  if (theirs.error) throw new Error(`Java Kafka Streams: ${theirs.error}`);
  rows.push([`KafkaStreams count of ${CLUSTER_RECORDS} records, from start() (records/s)`, perSecond(CLUSTER_RECORDS, ours.totalMs), theirs.recordsPerSecond]);
  rows.push([`KafkaStreams count, first to last update (records/s)`, perSecond(CLUSTER_RECORDS, ours.processingMs), theirs.processingRecordsPerSecond]);
} finally {
  await cluster.stop();
  rmSync(stateDir, { recursive: true, force: true });
}

console.log(`Kafka Streams ${java.oracle} (Java) vs kafkalings (TypeScript), one run, ${new Date().toISOString().slice(0, 10)}\n`);
console.log("| measure | TypeScript | Java | TypeScript / Java |");
console.log("|---|---:|---:|---:|");
for (const [measure, ours, theirs] of rows) console.log(`| ${measure} | ${ours.toLocaleString("en")} | ${theirs.toLocaleString("en")} | ${(ours / theirs).toFixed(2)} |`);
