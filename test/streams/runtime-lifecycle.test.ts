// KafkaStreams on a real cluster: start-up checks (co-partitioning), the record cache and commit interval, the
// uncaught exception handler, and a clean close that leaves the group empty.
import type { Kafka } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KafkaCluster } from "../../checker/cluster/kafka-cluster.ts";
import { pollUntil } from "../../checker/cluster/wait.ts";
import {
  KafkaStreams,
  Serdes,
  StreamsBuilder,
  StreamThreadExceptionResponse,
  TopologyException,
  type KafkaStreamsState,
  type StreamsConfig,
} from "../../checker/streams/index.ts";
import { byKey, clientFor, createTopics, produce, readTopic, RECENT, startCluster, waitForState, waitUntilCommitted, withAdmin, type Input } from "./runtime-support.ts";

let cluster: KafkaCluster;
let kafka: Kafka;
let bootstrap: string[];

beforeAll(async () => {
  cluster = await startCluster("streams-runtime-lifecycle");
  kafka = clientFor(cluster);
  bootstrap = cluster.bootstrapServers;
});

afterAll(async () => {
  await cluster?.stop();
});

const config = (applicationId: string, extra: StreamsConfig = {}): StreamsConfig => ({ "application.id": applicationId, "bootstrap.servers": bootstrap, ...extra });

describe("KafkaStreams start-up", () => {
  it("refuses to join topics with different partition counts, with Java's co-partitioning error", async () => {
    await createTopics(kafka, { "orders-3": 3, "customers-2": 2 });
    const builder = new StreamsBuilder();
    builder.stream<string, string>("orders-3").join(builder.table<string, string>("customers-2"), (order, customer) => `${order}/${customer}`).to("enriched");
    const streams = new KafkaStreams(builder.build(), config("copartition-app"));
    const states: KafkaStreamsState[] = [];
    streams.setStateListener((state) => states.push(state));

    const failure = await streams.start().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(TopologyException);
    expect((failure as Error).message).toMatch(/^Invalid topology: stream-thread \[copartition-app-[0-9a-f-]+-StreamThread-1-consumer\] Topics not co-partitioned: \[\{customers-2=2, orders-3=3\}\]$/);
    expect(states).toEqual(["REBALANCING", "PENDING_ERROR", "ERROR"]);
    // Nothing was created for an application that could not start, and close() after the error is harmless.
    expect((await withAdmin(kafka, (admin) => admin.listTopics())).filter((topic) => topic.startsWith("copartition-app"))).toEqual([]);
    await streams.close();
    expect(streams.state()).toBe("ERROR");
  });

  it("creates its internal topics: repartition (delete) and changelogs (compact), with the right partition counts", async () => {
    await createTopics(kafka, { "words-4": 4 });
    const builder = new StreamsBuilder();
    builder.stream<string, string>("words-4").groupBy((_key, word) => word).count().toStream().to("word-counts");
    const streams = new KafkaStreams(builder.build(), config("internal-app"));
    await streams.start();
    try {
      const names = ["internal-app-KSTREAM-AGGREGATE-STATE-STORE-0000000002-repartition", "internal-app-KSTREAM-AGGREGATE-STATE-STORE-0000000002-changelog"];
      const described = await withAdmin(kafka, async (admin) => ({
        metadata: (await admin.fetchTopicMetadata({ topics: names })).topics,
        configs: await admin.describeConfigs({ includeSynonyms: false, resources: names.map((name) => ({ type: 2 /* TOPIC */, name, configNames: ["cleanup.policy"] })) }),
      }));
      const partitions = new Map(described.metadata.map((topic) => [topic.name, topic.partitions.length]));
      const policies = new Map(described.configs.resources.map((resource) => [resource.resourceName, resource.configEntries[0]?.configValue]));
      expect(names.map((name) => [partitions.get(name), policies.get(name)])).toEqual([
        [4, "delete"],
        [4, "compact"],
      ]);
    } finally {
      await streams.close();
    }
  });
});

describe("KafkaStreams record cache and commit interval", () => {
  /**
   * 60 updates of 3 keys through a count, with a commit interval far longer than the test. Returns how many records
   * reached the output before close() — known once a marker record, produced after the 60 were processed, came
   * out of a stateless branch (the producer sends in order) — and each key's values after close().
   */
  async function countWithCache(applicationId: string, cacheBytes: number): Promise<{ beforeClose: number; values: Map<string | null, unknown[]> }> {
    const [input, output, markerIn, markerOut] = ["in", "out", "marker-in", "marker-out"].map((suffix) => `${applicationId}-${suffix}`) as [string, string, string, string];
    // Every topic exists before anything subscribes: an auto-created one may be unknown to the broker asked first.
    await createTopics(kafka, { [input]: 2, [output]: 2, [markerIn]: 1, [markerOut]: 1 });
    let processed = 0;
    const builder = new StreamsBuilder();
    builder
      .stream<string, string>(input)
      .peek(() => processed++)
      .groupByKey()
      .count()
      .toStream()
      .to(output);
    builder.stream<string, string>(markerIn).to(markerOut);
    await produce(kafka, Array.from({ length: 60 }, (_, index) => ({ topic: input, key: `k${index % 3}`, value: "v", timestamp: RECENT + index })));
    const streams = new KafkaStreams(builder.build(), config(applicationId, { "statestore.cache.max.bytes": cacheBytes, "commit.interval.ms": 600_000 }));
    await streams.start();
    await pollUntil(() => processed === 60, { timeoutMs: 60_000, description: `60 records processed (${processed})` });
    await produce(kafka, [{ topic: markerIn, key: "marker", value: "m", timestamp: RECENT }]);
    await readTopic(kafka, markerOut, (read) => read.length === 1);
    const beforeClose = await withAdmin(kafka, async (admin) => (await admin.fetchTopicOffsets(output)).reduce((sum, partition) => sum + Number(partition.high), 0));
    // close() commits, and a commit flushes the cache.
    await streams.close();
    const records = await readTopic(kafka, output, (read) => byKey(read).get("k0")?.at(-1)?.value === 20, Serdes.Long());
    return { beforeClose, values: new Map([...byKey(records)].map(([key, list]) => [key, list.map((record) => record.value)])) };
  }

  it("with cache 0 forwards every update as it happens", async () => {
    const { beforeClose, values } = await countWithCache("cache-zero", 0);
    const oneToTwenty = Array.from({ length: 20 }, (_, index) => index + 1);
    expect(beforeClose).toBe(60);
    expect([...values]).toEqual([
      ["k0", oneToTwenty],
      ["k1", oneToTwenty],
      ["k2", oneToTwenty],
    ]);
  });

  it("with a cache and a long commit interval compacts each key's updates until the commit", async () => {
    const { beforeClose, values } = await countWithCache("cache-ten-mb", 10 * 1024 * 1024);
    expect(beforeClose).toBe(0);
    expect([...values]).toEqual([
      ["k0", [20]],
      ["k1", [20]],
      ["k2", [20]],
    ]);
  });
});

describe("KafkaStreams errors and close", () => {
  it("ends in ERROR when a lambda throws, and the handler gets the lambda's error", async () => {
    await createTopics(kafka, { "boom-in": 1 });
    await produce(kafka, [{ topic: "boom-in", key: "a", value: "fine", timestamp: RECENT }, { topic: "boom-in", key: "a", value: "bad", timestamp: RECENT + 1 }]);
    const builder = new StreamsBuilder();
    builder
      .stream<string, string>("boom-in")
      .mapValues((value) => {
        if (value === "bad") throw new Error("cannot handle bad");
        return value.toUpperCase();
      })
      .to("boom-out");
    const streams = new KafkaStreams(builder.build(), config("boom-app"));
    const seen: Error[] = [];
    streams.setUncaughtExceptionHandler((error) => {
      seen.push(error);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    await streams.start();
    await waitForState(streams, "ERROR");
    expect(seen).toHaveLength(1);
    expect(seen[0]!.message).toMatch(/^Exception caught in process\. taskId=0_0, processor=KSTREAM-MAPVALUES-0000000001, topic=boom-in, partition=0, offset=1$/);
    expect((seen[0]!.cause as Error).message).toBe("cannot handle bad");
    // The group was left, nothing was committed past the failing record.
    const group = await withAdmin(kafka, (admin) => admin.describeGroups(["boom-app"]));
    expect(group.groups[0]!.members).toEqual([]);
    await streams.close();
    expect(streams.state()).toBe("ERROR");
  });

  it("REPLACE_THREAD starts a fresh thread that replays from the last commit, until the handler gives up", async () => {
    await createTopics(kafka, { "replace-in": 1 });
    await produce(kafka, [{ topic: "replace-in", key: "a", value: "fine", timestamp: RECENT }, { topic: "replace-in", key: "a", value: "bad", timestamp: RECENT + 1 }]);
    const builder = new StreamsBuilder();
    builder
      .stream<string, string>("replace-in")
      .mapValues((value) => {
        if (value === "bad") throw new Error("still bad");
        return value;
      })
      .to("replace-out");
    const streams = new KafkaStreams(builder.build(), config("replace-app"));
    const states: KafkaStreamsState[] = [];
    streams.setStateListener((state) => states.push(state));
    let calls = 0;
    streams.setUncaughtExceptionHandler(() => (++calls === 1 ? StreamThreadExceptionResponse.REPLACE_THREAD : StreamThreadExceptionResponse.SHUTDOWN_CLIENT));
    await streams.start();
    await waitForState(streams, "ERROR");
    expect(calls).toBe(2);
    expect(states).toEqual(["REBALANCING", "RUNNING", "REBALANCING", "RUNNING", "PENDING_ERROR", "ERROR"]);
    // Nothing was committed, so the new thread processed "fine" again: at least once.
    const output = await readTopic(kafka, "replace-out", (records) => records.length === 2);
    expect(output.map((record) => record.value)).toEqual(["fine", "fine"]);
    await streams.close();
  });

  it("close() commits, leaves the group empty, disconnects, and can be called again", async () => {
    await createTopics(kafka, { "close-in": 3 });
    const inputs: Input[] = Array.from({ length: 30 }, (_, index) => ({ topic: "close-in", key: `k${index % 6}`, value: String(index), timestamp: RECENT + index }));
    await produce(kafka, inputs);
    const builder = new StreamsBuilder();
    builder.stream<string, string>("close-in").groupByKey().count().toStream().to("close-out");
    const streams = new KafkaStreams(builder.build(), config("close-app", { "commit.interval.ms": 100 }));
    const states: KafkaStreamsState[] = [];
    streams.setStateListener((state) => states.push(state));
    await streams.start();
    await waitUntilCommitted(kafka, "close-app", ["close-in"]);
    await streams.close();
    await streams.close();
    expect(states).toEqual(["REBALANCING", "RUNNING", "PENDING_SHUTDOWN", "NOT_RUNNING"]);
    const group = await withAdmin(kafka, (admin) => admin.describeGroups(["close-app"]));
    expect(group.groups[0]).toMatchObject({ state: "Empty", members: [] });
    expect(() => streams.cleanUp()).not.toThrow();
    await expect(async () => streams.start()).rejects.toThrow("The client is either already started or already stopped, cannot re-start");
  });
});
