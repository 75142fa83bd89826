// The shared store of unmatched left/outer stream-stream join records (Java's ListValueStore behind
// OuterStreamJoinStoreFactory, Kafka Streams 4.4.0): its changelog bytes are Java's, so a restore rebuilds it.
import { describe, expect, it } from "vitest";
import { JoinWindows, Serdes, StreamsBuilder } from "../../checker/streams/index.ts";
import { OuterJoinStore } from "../../checker/streams/kstream/joins/outer-join-store.ts";
import type { StateStoreContext } from "../../checker/streams/state/store.ts";
import { APP, driverFor, pipe } from "./dsl-harness.ts";
import { inputs, joiner } from "./joins-harness.ts";

const CHANGELOG = `${APP}-KSTREAM-OUTERSHARED-0000000004-store-changelog`;

/**
 * Java 4.4.0's changelog for this input, as hex: key = timestamp (8 bytes) + side (left 01, right 00) + key bytes;
 * value = ListSerde (01 = variable size, entry count, then length-prefixed entries of side byte + value bytes).
 * A match deletes the waiting record (tombstone at the matching record's timestamp); the flush at Z@100 deletes j@7.
 */
const JAVA_CHANGELOG: [string, string | null, number][] = [
  ["0000000000000005016b", "0100000001000000020141", 5],
  ["0000000000000005016b", "0100000002000000020141000000020142", 5],
  ["0000000000000007006a", "0100000001000000020062", 7],
  ["0000000000000008016b", "0100000001000000020143", 8],
  ["0000000000000005016b", null, 9],
  ["0000000000000008016b", null, 9],
  ["0000000000000007006a", null, 100],
  ["0000000000000064017a", "010000000100000002015a", 100],
];

const LINES = inputs(`
  L k A 5
  L k B 5
  R j b 7
  L k C 8
  R k c 9
  L z Z 100`);

describe("the outer-join store", () => {
  it("writes Java's changelog records", () => {
    const builder = new StreamsBuilder();
    builder.stream<string, string>("L").outerJoin(builder.stream<string, string>("R"), joiner, JoinWindows.ofTimeDifferenceWithNoGrace(10)).to("out");
    const driver = driverFor(builder.build());
    pipe(driver, LINES);
    const records = driver.createOutputTopic(CHANGELOG, Serdes.ByteArray(), Serdes.ByteArray()).readRecordsToList();
    expect(records.map((record) => [record.key!.toString("hex"), record.value?.toString("hex") ?? null, record.timestamp])).toEqual(JAVA_CHANGELOG);
    driver.close();
  });

  it("restores from those records: keys in (timestamp, right before left, key) order, lists in arrival order", () => {
    const store = new OuterJoinStore<string, string, string>("s", false, Serdes.String(), Serdes.String(), Serdes.String());
    const context = { applicationId: APP, taskId: "0_0", partition: 0, cacheMaxBytes: 0, recordTimestamp: -1, log: () => {} } as unknown as StateStoreContext;
    store.init(context);
    for (const [key, value, timestamp] of JAVA_CHANGELOG.slice(0, 4)) store.restore(Buffer.from(key, "hex"), value === null ? null : Buffer.from(value, "hex"), timestamp);
    expect(store.all()).toEqual([
      { key: { key: "k", timestamp: 5, leftSide: true }, values: [{ left: "A" }, { left: "B" }] },
      { key: { key: "j", timestamp: 7, leftSide: false }, values: [{ right: "b" }] },
      { key: { key: "k", timestamp: 8, leftSide: true }, values: [{ left: "C" }] },
    ]);
  });
});
