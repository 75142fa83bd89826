// JoinWindows, Joined and StreamJoined (Kafka Streams 4.4.0 org.apache.kafka.streams.kstream): bounds, validation
// messages, and immutability of the fluent copies.
import { describe, expect, it } from "vitest";
import { IllegalStateError, InvalidArgumentError, Joined, JoinWindows, Serdes, StreamJoined } from "../../checker/streams/index.ts";

describe("JoinWindows", () => {
  it("ofTimeDifferenceWithNoGrace: the same difference before and after, no grace", () => {
    const windows = JoinWindows.ofTimeDifferenceWithNoGrace(10);
    expect([windows.beforeMs, windows.afterMs, windows.gracePeriodMs(), windows.size()]).toEqual([10, 10, 0, 20]);
    expect(windows.toString()).toBe("JoinWindows{beforeMs=10, afterMs=10, graceMs=0}");
  });

  it("before/after return changed copies and may go negative while before + after >= 0", () => {
    const windows = JoinWindows.ofTimeDifferenceAndGrace(10, 5);
    const shifted = windows.before(-3).after(8);
    expect([shifted.beforeMs, shifted.afterMs, shifted.gracePeriodMs(), shifted.size()]).toEqual([-3, 8, 5, 5]);
    expect([windows.beforeMs, windows.afterMs]).toEqual([10, 10]);
    expect(windows.before(-10).size()).toBe(0);
  });

  it("rejects a negative interval or grace with Java's messages", () => {
    const interval = new InvalidArgumentError("Window interval (ie, beforeMs+afterMs) must not be negative.");
    expect(() => JoinWindows.ofTimeDifferenceWithNoGrace(-1)).toThrow(interval);
    expect(() => JoinWindows.ofTimeDifferenceWithNoGrace(5).before(-6)).toThrow(interval);
    expect(() => JoinWindows.ofTimeDifferenceAndGrace(5, -1)).toThrow(new InvalidArgumentError("Grace period must not be negative."));
  });

  it("rejects durations that are not whole milliseconds", () => {
    expect(() => JoinWindows.ofTimeDifferenceWithNoGrace(Number.NaN)).toThrow(
      new InvalidArgumentError('Invalid value for parameter "timeDifference" (value was: NaN). It can\'t be converted to milliseconds.'),
    );
    expect(() => JoinWindows.ofTimeDifferenceAndGrace(1, 0.5)).toThrow(/parameter "afterWindowEnd"/);
  });

  it("deprecated of(): grace max(24h - 2 * difference, 0) and no spurious-result fix; grace() only after of()", () => {
    const windows = JoinWindows.of(1000);
    expect([windows.gracePeriodMs(), windows.spuriousResultFixEnabled]).toEqual([86_400_000 - 2000, false]);
    expect(windows.grace(50).gracePeriodMs()).toBe(50);
    expect(JoinWindows.of(50_000_000).gracePeriodMs()).toBe(0);
    expect(JoinWindows.ofTimeDifferenceWithNoGrace(1).spuriousResultFixEnabled).toBe(true);
    expect(() => JoinWindows.ofTimeDifferenceWithNoGrace(1).grace(5)).toThrow(
      new IllegalStateError("Cannot call grace() after setting grace value via ofTimeDifferenceAndGrace or ofTimeDifferenceWithNoGrace."),
    );
  });

  it("equality is by before, after and grace", () => {
    expect(JoinWindows.ofTimeDifferenceWithNoGrace(5).equals(JoinWindows.ofTimeDifferenceAndGrace(5, 0))).toBe(true);
    expect(JoinWindows.ofTimeDifferenceWithNoGrace(5).equals(JoinWindows.ofTimeDifferenceWithNoGrace(5).after(6))).toBe(false);
  });
});

describe("Joined and StreamJoined", () => {
  it("Joined.with/as and the with* methods return new options", () => {
    const base = Joined.as<string, string, number>("enrich");
    const withSerdes = base.withKeySerde(Serdes.String()).withValueSerde(Serdes.String()).withOtherValueSerde(Serdes.Long());
    expect(base.keySerde).toBeUndefined();
    expect([withSerdes.name, withSerdes.keySerde !== undefined, withSerdes.valueSerde !== undefined, withSerdes.otherValueSerde !== undefined]).toEqual([
      "enrich",
      true,
      true,
      true,
    ]);
    expect(Joined.with(Serdes.String(), Serdes.String(), Serdes.String()).withName("j").name).toBe("j");
  });

  it("StreamJoined keeps names, serdes and logging apart per copy", () => {
    const base = StreamJoined.with(Serdes.String(), Serdes.String(), Serdes.Long());
    const named = base.withName("orders").withStoreName("orders-store").withLoggingDisabled();
    expect([base.name, base.storeName, base.loggingEnabled]).toEqual([undefined, undefined, true]);
    expect([named.name, named.storeName, named.loggingEnabled, named.otherValueSerde === base.otherValueSerde]).toEqual(["orders", "orders-store", false, true]);
    expect(StreamJoined.as("s").withLoggingEnabled({ "retention.ms": "1" }).topicConfig).toEqual({ "retention.ms": "1" });
  });
});
