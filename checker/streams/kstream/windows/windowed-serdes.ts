import type { Serde } from "../../serdes.ts";
import { SessionWindow } from "./session-window.ts";
import { TimeWindow } from "./time-window.ts";
import { Windowed } from "./windowed.ts";

const LONG_BYTES = 8;
const SEQNUM_BYTES = 4;

export function writeLong(buffer: Buffer, value: number, offset: number): void {
  buffer.writeBigInt64BE(BigInt(value), offset);
}

export function readLong(buffer: Buffer, offset: number): number {
  return Number(buffer.readBigInt64BE(offset));
}

/** Java's `WindowKeySchema.timeWindowForSize`: an end past Long.MAX is cut to Long.MAX. */
function timeWindowForSize(startMs: number, windowSize: number): TimeWindow {
  return new TimeWindow(startMs, Math.min(startMs + windowSize, Number.MAX_SAFE_INTEGER));
}

/**
 * `Windowed<K>` keys of tumbling, hopping and sliding windows, as Java's `TimeWindowedSerializer`/`Deserializer` lay
 * them out: the inner key bytes, then the window start (8 bytes, big-endian). The end is not written; the reader
 * needs the window size to rebuild it.
 */
export class TimeWindowedSerde<K> implements Serde<Windowed<K>> {
  private changelog = false;

  constructor(
    private readonly inner: Serde<K>,
    readonly windowSize: number,
  ) {}

  /** Reads the changelog/store key layout instead (start and a 4-byte sequence number after the key; Java's `forChangelog`). */
  forChangelog(isChangelogTopic: boolean): this {
    this.changelog = isChangelogTopic;
    return this;
  }

  serialize(topic: string, data: Windowed<K> | null): Buffer | null {
    if (data === null || data === undefined) return null;
    const keyBytes = this.innerBytes(topic, data.key());
    const buffer = Buffer.alloc(keyBytes.length + LONG_BYTES);
    keyBytes.copy(buffer);
    writeLong(buffer, data.window().start(), keyBytes.length);
    return buffer;
  }

  deserialize(topic: string, data: Buffer | null): Windowed<K> | null {
    if (data === null || data === undefined || data.length === 0) return null;
    const suffix = this.changelog ? LONG_BYTES + SEQNUM_BYTES : LONG_BYTES;
    const keyLength = data.length - suffix;
    const key = this.inner.deserialize(topic, data.subarray(0, keyLength)) as K;
    return new Windowed(key, timeWindowForSize(readLong(data, keyLength), this.windowSize));
  }

  private innerBytes(topic: string, key: K): Buffer {
    return this.inner.serialize(topic, key) ?? Buffer.alloc(0);
  }
}

/**
 * `Windowed<K>` keys of sessions, as Java's `SessionWindowedSerializer` lays them out: the inner key bytes, then the
 * session end and the session start (8 bytes each, big-endian).
 */
export class SessionWindowedSerde<K> implements Serde<Windowed<K>> {
  constructor(private readonly inner: Serde<K>) {}

  serialize(topic: string, data: Windowed<K> | null): Buffer | null {
    if (data === null || data === undefined) return null;
    return sessionKeyBytes(this.inner.serialize(topic, data.key()) ?? Buffer.alloc(0), data.window().start(), data.window().end());
  }

  deserialize(topic: string, data: Buffer | null): Windowed<K> | null {
    if (data === null || data === undefined || data.length === 0) return null;
    const keyLength = data.length - 2 * LONG_BYTES;
    const key = this.inner.deserialize(topic, data.subarray(0, keyLength)) as K;
    return new Windowed(key, new SessionWindow(readLong(data, keyLength + LONG_BYTES), readLong(data, keyLength)));
  }
}

/** Java's `SessionKeySchema.toBinary`: key bytes, end, start. */
export function sessionKeyBytes(keyBytes: Buffer, start: number, end: number): Buffer {
  const buffer = Buffer.alloc(keyBytes.length + 2 * LONG_BYTES);
  keyBytes.copy(buffer);
  writeLong(buffer, end, keyBytes.length);
  writeLong(buffer, start, keyBytes.length + LONG_BYTES);
  return buffer;
}

/** Java's `WindowedSerdes`: serdes for the `Windowed` keys of a windowed KTable, to read its output topic. */
export const WindowedSerdes = {
  timeWindowedSerdeFrom: <K>(inner: Serde<K>, windowSize: number): TimeWindowedSerde<K> => new TimeWindowedSerde(inner, windowSize),
  sessionWindowedSerdeFrom: <K>(inner: Serde<K>): SessionWindowedSerde<K> => new SessionWindowedSerde(inner),
};
