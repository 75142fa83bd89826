import { describe, expect, it } from "vitest";
import { resolveStreamsConfig } from "../../checker/streams/config.ts";
import { failOnInvalidTimestamp } from "../../checker/streams/engine/timestamp-extractors.ts";
import { Serdes } from "../../checker/streams/serdes.ts";

describe("StreamsConfig", () => {
  it("fills in Java's defaults", () => {
    const config = resolveStreamsConfig({ "application.id": "app", "bootstrap.servers": "a:9092, b:9092" });
    expect(config["bootstrap.servers"]).toEqual(["a:9092", "b:9092"]);
    expect(config["statestore.cache.max.bytes"]).toBe(10_485_760);
    expect(config["commit.interval.ms"]).toBe(30_000);
    expect(config["processing.guarantee"]).toBe("at_least_once");
    expect(config["num.stream.threads"]).toBe(1);
    expect(config["max.task.idle.ms"]).toBe(0);
    expect(config["default.timestamp.extractor"]).toBe(failOnInvalidTimestamp);
    expect(config["default.key.serde"].serialize("t", "x")).toEqual(Buffer.from("x"));
  });

  it("commits every 100 ms by default under exactly_once_v2, unless told otherwise", () => {
    expect(resolveStreamsConfig({ "processing.guarantee": "exactly_once_v2" })["commit.interval.ms"]).toBe(100);
    expect(resolveStreamsConfig({ "processing.guarantee": "exactly_once_v2", "commit.interval.ms": 500 })["commit.interval.ms"]).toBe(500);
  });

  it("keeps given serdes and client pass-through keys", () => {
    const valueSerde = Serdes.Long();
    const config = resolveStreamsConfig({ "default.value.serde": valueSerde, "producer.linger.ms": 5 });
    expect(config["default.value.serde"]).toBe(valueSerde);
    expect(config.clientOverrides).toEqual({ "producer.linger.ms": 5 });
  });

  it("rejects values Java's ConfigDef rejects, with its wording", () => {
    expect(() => resolveStreamsConfig({ "processing.guarantee": "exactly_once" as "exactly_once_v2" })).toThrow(
      "Invalid value exactly_once for configuration processing.guarantee: String must be one of: at_least_once, exactly_once_v2",
    );
    expect(() => resolveStreamsConfig({ "statestore.cache.max.bytes": -1 })).toThrow("Invalid value -1 for configuration statestore.cache.max.bytes: Value must be at least 0");
  });
});
