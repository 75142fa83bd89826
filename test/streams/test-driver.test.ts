import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../../checker/streams/errors.ts";
import { KeyValue } from "../../checker/streams/keyvalue.ts";
import { Serdes } from "../../checker/streams/serdes.ts";
import type { KeyValueStore } from "../../checker/streams/state/in-memory-key-value-store.ts";
import { Stores } from "../../checker/streams/state/stores.ts";
import type { TimestampedKeyValueStore } from "../../checker/streams/state/timestamped-key-value-store.ts";
import { NoSuchElementError, TopologyTestDriver } from "../../checker/streams/test-driver/topology-test-driver.ts";
import { TestRecord } from "../../checker/streams/test-driver/test-record.ts";
import { InternalTopologyBuilder } from "../../checker/streams/topology/internal-topology-builder.ts";
import { custom, fanOut } from "./engine-helpers.ts";

const S = Serdes.String();

function passThrough(): InternalTopologyBuilder {
  const builder = new InternalTopologyBuilder();
  builder.addSource("src", ["in"]);
  builder.addSink("out", "out", ["src"]);
  return builder;
}

/** in → (direct to out) and (two copies through repartition topic "rep" → out). */
function withRepartition(): InternalTopologyBuilder {
  const builder = new InternalTopologyBuilder();
  builder.addSource("src", ["in"]);
  builder.addProcessor("direct", custom((record, ctx) => ctx.forward({ ...record, value: `direct:${String(record.value)}` })), ["src"]);
  builder.addSink("direct-out", "out", ["direct"]);
  builder.addProcessor("fan", fanOut(2), ["src"]);
  builder.addInternalTopic({ name: "rep", kind: "repartition", partitions: undefined });
  builder.addSink("to-rep", "rep", ["fan"]);
  builder.addSource("from-rep", ["rep"]);
  builder.addSink("rep-out", "out", ["from-rep"]);
  return builder;
}

describe("TopologyTestDriver", () => {
  it("processes repartitioned records after the input record that produced them, before the next input", () => {
    const driver = new TopologyTestDriver(withRepartition().build(), { "application.id": "app" });
    const input = driver.createInputTopic("in", S, S);
    input.pipeInput("k", "r1", 1);
    input.pipeInput("k", "r2", 2);
    expect(driver.createOutputTopic("out", S, S).readValuesToList()).toEqual(["direct:r1", "r1#1", "r1#2", "direct:r2", "r2#1", "r2#2"]);
    // Java's driver keeps outputs in a HashMap: bucket order ("app-rep" 10, "out" 15), not first-write order.
    expect([...driver.producedTopicNames()]).toEqual(["app-rep", "out"]);
  });

  it("interleaves two repartition topics as Java's task does: smallest head timestamp first, PriorityQueue ties", () => {
    const builder = new InternalTopologyBuilder();
    builder.addSource("src", ["in"]);
    builder.addInternalTopic({ name: "rep-a", kind: "repartition", partitions: undefined });
    builder.addInternalTopic({ name: "rep-b", kind: "repartition", partitions: undefined });
    builder.addProcessor("fan", fanOut(2), ["src"]);
    builder.addSink("to-a", "rep-a", ["fan"]);
    builder.addSink("to-b", "rep-b", ["src"]);
    builder.addSource("from-a", ["rep-a"]);
    builder.addSource("from-b", ["rep-b"]);
    builder.addSink("out", "out", ["from-a", "from-b"]);
    const driver = new TopologyTestDriver(builder.build(), { "application.id": "app" });
    driver.createInputTopic("in", S, S).pipeInput("k", "v", 1);
    // Produced in the order v#1, v#2 (rep-a), v (rep-b); with equal timestamps Java's heap hands out rep-b second.
    expect(driver.createOutputTopic("out", S, S).readValuesToList()).toEqual(["v#1", "v", "v#2"]);
  });

  it("captures changelog topics in producedTopicNames, and makes up Java's random application id when none is set", () => {
    const builder = new InternalTopologyBuilder();
    builder.addSource("src", ["in"]);
    builder.addProcessor("remember", custom((record, ctx) => ctx.getStateStore<KeyValueStore<string, string>>("seen").put(record.key as string, record.value as string)), ["src"]);
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("seen")), ["remember"]);
    const driver = new TopologyTestDriver(builder.build());
    expect(driver.applicationId).toMatch(/^dummy-topology-test-driver-app-id--?\d+$/);
    driver.createInputTopic("in", S, S).pipeInput("k", "v", 3);
    expect([...driver.producedTopicNames()]).toEqual([`${driver.applicationId}-seen-changelog`]);
    expect(driver.getKeyValueStore<string, string>("seen")!.get("k")).toBe("v");
  });

  it("shows a timestamped store without timestamps through getKeyValueStore, with them through getTimestampedKeyValueStore", () => {
    const builder = new InternalTopologyBuilder();
    builder.addSource("src", ["in"]);
    builder.addProcessor("latest", custom((record, ctx) => ctx.getStateStore<TimestampedKeyValueStore<string, string>>("latest").put(record.key as string, { value: record.value as string, timestamp: record.timestamp })), ["src"]);
    builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(Stores.inMemoryKeyValueStore("latest")), ["latest"]);
    const driver = new TopologyTestDriver(builder.build(), { "application.id": "app" });
    driver.createInputTopic("in", S, S).pipeKeyValueList([KeyValue.pair("b", "1"), KeyValue.pair("a", "2")], 10, 5);
    expect(driver.getKeyValueStore<string, string>("latest")!.all()).toEqual([KeyValue.pair("a", "2"), KeyValue.pair("b", "1")]);
    expect(driver.getTimestampedKeyValueStore<string, string>("latest")!.get("a")).toEqual({ value: "2", timestamp: 15 });
    expect(driver.getTimestampedKeyValueStore("missing")).toBeNull();
    expect(() => driver.getStateStore("latest")).toThrow(
      "Store latest is a timestamped key-value store and should be accessed via `getTimestampedKeyValueStore()`",
    );
    expect(driver.getStateStore("missing")).toBeNull();
  });

  it("feeds a global topic into its global store, readable from every processor", () => {
    const builder = new InternalTopologyBuilder();
    builder.addGlobalStore({
      topic: "prices",
      sourceName: "prices-source",
      processorName: "prices-updater",
      store: Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("prices-store"), Serdes.String(), Serdes.String()).withLoggingDisabled(),
      keySerde: undefined,
      valueSerde: undefined,
      supplier: custom((record, ctx) => ctx.getStateStore<KeyValueStore<string, string>>("prices-store").put(record.key as string, record.value as string | null)),
    });
    builder.addSource("src", ["orders"]);
    builder.addProcessor("enrich", custom((record, ctx) => {
      const price = ctx.getStateStore<KeyValueStore<string, string>>("prices-store").get(record.key as string);
      ctx.forward({ ...record, value: `${String(record.value)}@${price}` });
    }), ["src"]);
    builder.addSink("out", "out", ["enrich"]);
    const driver = new TopologyTestDriver(builder.build(), { "application.id": "app" });
    const prices = driver.createInputTopic("prices", S, S);
    const orders = driver.createInputTopic("orders", S, S);
    orders.pipeInput("apple", "o1", 1);
    prices.pipeInput("apple", "3", 2);
    orders.pipeInput("apple", "o2", 3);
    prices.pipeInput("apple", null, 4);
    orders.pipeInput("apple", "o3", 5);
    expect(driver.createOutputTopic("out", S, S).readValuesToList()).toEqual(["o1@null", "o2@3", "o3@null"]);
    expect(driver.getKeyValueStore("prices-store")).not.toBeNull();
  });

  it("stamps records without a timestamp from the input topic's clock, which auto-advances", () => {
    const driver = new TopologyTestDriver(passThrough().build(), { "application.id": "app" });
    const input = driver.createInputTopic("in", S, S, 1000, 10);
    input.pipeInput("a", "1");
    input.pipeInput("b", "2", 5);
    input.advanceTime(100);
    input.pipeRecord(new TestRecord("c", "3"));
    input.pipeValueList(["4"]);
    const out = driver.createOutputTopic("out", S, S).readRecordsToList();
    expect(out.map((record) => [record.key, record.value, record.timestamp])).toEqual([["a", "1", 1000], ["b", "2", 5], ["c", "3", 1110], [null, "4", 1120]]);
  });

  it("reads output the way Java's TestOutputTopic does", () => {
    const driver = new TopologyTestDriver(passThrough().build(), { "application.id": "app" });
    const input = driver.createInputTopic("in", S, S);
    const output = driver.createOutputTopic("out", S, S);
    expect(() => output.readValue()).toThrow(new NoSuchElementError("Uninitialized topic: out"));
    input.pipeKeyValueList([KeyValue.pair("a", "1"), KeyValue.pair("b", "2"), KeyValue.pair("a", "3")], 0, 1);
    expect(output.getQueueSize()).toBe(3);
    expect(output.readKeyValue()).toEqual(KeyValue.pair("a", "1"));
    expect(output.readKeyValuesToMap()).toEqual(new Map([["b", "2"], ["a", "3"]]));
    expect(output.isEmpty()).toBe(true);
    expect(() => output.readRecord()).toThrow(new NoSuchElementError("Empty topic: out"));
    input.pipeInput(null, "x", 9);
    expect(() => output.readKeyValuesToMap()).toThrow("Null keys not allowed with readKeyValuesToMap method");
  });

  it("rejects unknown topics and negative timestamps with Java's messages", () => {
    const driver = new TopologyTestDriver(passThrough().build(), { "application.id": "app" });
    expect(() => driver.createInputTopic("nope", S, S).pipeInput("k", "v", 1)).toThrow(new InvalidArgumentError("Unknown topic: nope"));
    expect(() => driver.createInputTopic("in", S, S).pipeInput("k", "v", -1)).toThrow("Invalid timestamp: -1. Timestamp should always be non-negative or null.");
  });

  it("closes processors and stores on close", () => {
    const closed: string[] = [];
    const builder = new InternalTopologyBuilder();
    builder.addSource("src", ["in"]);
    builder.addProcessor("p", () => ({ process: () => undefined, close: () => closed.push("p") }), ["src"]);
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("s")), ["p"]);
    const driver = new TopologyTestDriver(builder.build(), { "application.id": "app" });
    const store = driver.getKeyValueStore<string, string>("s")!;
    driver.close();
    expect(closed).toEqual(["p"]);
    expect(() => store.get("k")).toThrow("Store s is currently closed.");
  });
});
