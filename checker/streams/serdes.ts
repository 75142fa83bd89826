/**
 * Serializer + deserializer pairs (Java's `Serde`). Byte layouts match Java's so records written here read the same
 * from a Java application and back: String is UTF-8, Long is 8 bytes big-endian, Integer 4, Double IEEE-754 8.
 * `null` always maps to `null` (a tombstone value or a null key).
 */
export interface Serde<T> {
  serialize(topic: string, data: T | null): Buffer | null;
  deserialize(topic: string, data: Buffer | null): T | null;
  /**
   * Only on serdes that wrap another one (the DSL's Change serde of KGroupedTable repartition topics, windowed key
   * serdes) and were built without it: returns the serde completed with the config's default key/value serde. The
   * engine calls it wherever it falls back to defaults (Java's `WrappingNullableSerde.setIfUnset`).
   */
  withDefaults?(defaults: { readonly key: Serde<unknown>; readonly value: Serde<unknown> }): Serde<T>;
}

/**
 * The serde a node uses: its own (completed with the defaults when it wraps a missing one, see `withDefaults`), else
 * the config's default for its role.
 */
export function resolveSerde(serde: Serde<unknown> | undefined, defaults: { readonly key: Serde<unknown>; readonly value: Serde<unknown> }, role: "key" | "value"): Serde<unknown> {
  if (serde === undefined) return defaults[role];
  return serde.withDefaults ? serde.withDefaults(defaults) : serde;
}

function serde<T>(toBytes: (data: T) => Buffer, fromBytes: (bytes: Buffer) => T): Serde<T> {
  return {
    serialize: (_topic, data) => (data === null || data === undefined ? null : toBytes(data)),
    deserialize: (_topic, bytes) => (bytes === null || bytes === undefined ? null : fromBytes(bytes)),
  };
}

function fixedWidth(width: number, write: (buffer: Buffer, value: number) => void, read: (buffer: Buffer) => number, name: string): Serde<number> {
  return serde(
    (value) => {
      const buffer = Buffer.alloc(width);
      write(buffer, value);
      return buffer;
    },
    (bytes) => {
      if (bytes.length !== width) throw new SerializationError(`Size of data received by ${name}Deserializer is not ${width}`);
      return read(bytes);
    },
  );
}

export class SerializationError extends Error {
  readonly retriable = false;
  constructor(message: string) {
    super(message);
    this.name = "SerializationError";
  }
}

export const Serdes = {
  String: (): Serde<string> => serde((text) => Buffer.from(text, "utf8"), (bytes) => bytes.toString("utf8")),
  /** Any JSON value; a learner's `Serdes.JSON<Order>()` keeps `Order` typed through the topology. */
  JSON: <T>(): Serde<T> =>
    serde(
      (value) => Buffer.from(JSON.stringify(value), "utf8"),
      (bytes) => {
        try {
          return JSON.parse(bytes.toString("utf8")) as T;
        } catch (error) {
          throw new SerializationError(`Cannot parse JSON: ${(error as Error).message}`);
        }
      },
    ),
  Long: (): Serde<number> => fixedWidth(8, (b, v) => b.writeBigInt64BE(BigInt(Math.trunc(v))), (b) => Number(b.readBigInt64BE()), "Long"),
  Integer: (): Serde<number> => fixedWidth(4, (b, v) => b.writeInt32BE(v), (b) => b.readInt32BE(), "Integer"),
  Double: (): Serde<number> => fixedWidth(8, (b, v) => b.writeDoubleBE(v), (b) => b.readDoubleBE(), "Double"),
  ByteArray: (): Serde<Buffer> => serde((bytes) => bytes, (bytes) => bytes),
};
