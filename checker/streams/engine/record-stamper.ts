import type { ResolvedStreamsConfig } from "../config.ts";
import { StreamsError } from "../errors.ts";
import { resolveSerde, type Serde } from "../serdes.ts";
import type { SourceNode } from "../topology/nodes.ts";
import type { ConsumedRecord } from "./consumed-record.ts";
import type { StampedRecord } from "./partition-group.ts";
import { withCause } from "./with-cause.ts";

/**
 * Deserializes a consumed record with its source's serdes (else the config defaults) and extracts its timestamp
 * (Java's RecordDeserializer + RecordQueue.updateHead). A negative extracted timestamp drops the record; the default
 * extractor throws for one instead. Deserialization errors fail the task (Java's default LogAndFailExceptionHandler).
 */
export function stampRecord(raw: ConsumedRecord, partitionTime: number, source: SourceNode, config: ResolvedStreamsConfig): StampedRecord | undefined {
  const defaults = { key: config["default.key.serde"], value: config["default.value.serde"] };
  const { key, value } = deserialize(raw, resolveSerde(source.keySerde, defaults, "key"), resolveSerde(source.valueSerde, defaults, "value"));
  const extractor = source.timestampExtractor ?? config["default.timestamp.extractor"];
  let timestamp: number;
  try {
    timestamp = extractor({ key, value, timestamp: raw.timestamp, topic: raw.topic, partition: raw.partition, offset: raw.offset } as Parameters<typeof extractor>[0], partitionTime);
  } catch (error) {
    if (error instanceof StreamsError) throw error;
    throw withCause(new StreamsError(`Fatal user code error in TimestampExtractor callback for record {topic=${raw.topic}, offset=${raw.offset}}.`), error);
  }
  // Java's RecordQueue skips (and counts as dropped) records whose extracted timestamp is negative.
  if (timestamp < 0) return undefined;
  return { raw, key, value, timestamp };
}

/** Deserializes key and value; a failure fails the task as Java's default LogAndFailExceptionHandler does. */
export function deserialize(raw: ConsumedRecord, keySerde: Serde<unknown>, valueSerde: Serde<unknown>): { key: unknown; value: unknown } {
  try {
    return { key: keySerde.deserialize(raw.topic, raw.key), value: valueSerde.deserialize(raw.topic, raw.value) };
  } catch (error) {
    throw withCause(
      new StreamsError(
        "Deserialization exception handler is set to fail upon a deserialization error. If you would rather have the " +
          "streaming pipeline continue after a deserialization error, please set the deserialization.exception.handler appropriately.",
      ),
      error,
    );
  }
}
