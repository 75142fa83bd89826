import { StreamsError } from "../../errors.ts";
import type { Change } from "../../processor/record.ts";
import type { Serde } from "../../serdes.ts";

/**
 * Serde of the `Change` records a KGroupedTable writes to its repartition topic (Java's ChangedSerializer /
 * ChangedDeserializer, same bytes): `old + 0x00`, `new + 0x01`, or `zigzag-varint(len(new)) + new + old + 0x02`
 * (both values in one record since 3.5, KIP-904). Flags 3-5 (with an isLatest byte) are read but never written, as Java.
 * Without an inner serde it uses the config's default value serde (`withDefaults`).
 */
export function changeSerde<V>(inner: Serde<V> | undefined): Serde<Change<V>> {
  const completedByDefault = new WeakMap<Serde<unknown>, Serde<Change<unknown>>>();
  const withInner = (valueSerde: Serde<V>): Serde<Change<V>> => ({
    serialize: (topic, change) => (change === null ? null : serializeChange(topic, change, valueSerde)),
    deserialize: (topic, bytes) => (bytes === null ? null : deserializeChange(topic, bytes, valueSerde)),
  });
  if (inner !== undefined) return withInner(inner);
  return {
    serialize: () => {
      throw new StreamsError("The Change serde of a repartition topic was used before the default value serde was set.");
    },
    deserialize: () => {
      throw new StreamsError("The Change serde of a repartition topic was used before the default value serde was set.");
    },
    // Called per record by the engine: keep one completed serde per default value serde.
    withDefaults: (defaults) => {
      let completed = completedByDefault.get(defaults.value);
      if (!completed) {
        completed = withInner(defaults.value as Serde<V>) as Serde<Change<unknown>>;
        completedByDefault.set(defaults.value, completed);
      }
      return completed as Serde<Change<V>>;
    },
  };
}

function serializeChange<V>(topic: string, change: Change<V>, inner: Serde<V>): Buffer {
  const newBytes = change.newValue === null ? null : inner.serialize(topic, change.newValue);
  const oldBytes = change.oldValue === null ? null : inner.serialize(topic, change.oldValue);
  if (newBytes && oldBytes) return Buffer.concat([zigzagVarint(newBytes.length), newBytes, oldBytes, Buffer.of(2)]);
  if (newBytes) return Buffer.concat([newBytes, Buffer.of(1)]);
  if (oldBytes) return Buffer.concat([oldBytes, Buffer.of(0)]);
  throw new StreamsError("Both old and new values are null in ChangeSerializer, which is not allowed.");
}

function deserializeChange<V>(topic: string, bytes: Buffer, inner: Serde<V>): Change<V> {
  const flag = bytes[bytes.length - 1];
  const body = bytes.subarray(0, bytes.length - (flag !== undefined && flag >= 3 ? 2 : 1));
  const read = (part: Buffer | null): V | null => (part === null ? null : inner.deserialize(topic, part));
  switch (flag) {
    case 0:
    case 3:
      return { newValue: null, oldValue: read(body) };
    case 1:
    case 4:
      return { newValue: read(body), oldValue: null };
    case 2:
    case 5: {
      const { value: newLength, size } = readZigzagVarint(body);
      return { newValue: read(body.subarray(size, size + newLength)), oldValue: read(body.subarray(size + newLength)) };
    }
    default:
      throw new StreamsError(`Encountered unknown byte value \`${String(flag)}\` for encodingFlag in ChangedDeserializer.`);
  }
}

function zigzagVarint(value: number): Buffer {
  let rest = ((value << 1) ^ (value >> 31)) >>> 0;
  const bytes: number[] = [];
  while (rest >= 0x80) {
    bytes.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

function readZigzagVarint(bytes: Buffer): { value: number; size: number } {
  let raw = 0;
  let size = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[size++];
    if (byte === undefined) throw new StreamsError("Truncated varint in ChangedDeserializer.");
    raw |= (byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) break;
  }
  return { value: (raw >>> 1) ^ -(raw & 1), size };
}
