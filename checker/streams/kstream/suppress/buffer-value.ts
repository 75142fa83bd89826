import type { RecordHeaders } from "../../processor/record.ts";

/** The record context a buffered update keeps and is emitted with (Java's `ProcessorRecordContext`). */
export interface BufferedContext {
  readonly timestamp: number;
  readonly offset: number;
  readonly topic: string;
  readonly partition: number;
  readonly headers: RecordHeaders;
}

/**
 * One buffered update (Java's `BufferValue`): the value downstream saw before the first buffered update of the key
 * (`prior`), and the old and new values of the latest update, serialized. When prior and old are equal Java keeps
 * one array for both, which its size estimate and changelog format rely on.
 */
export class BufferValue {
  readonly priorValue: Buffer | null;
  readonly priorIsOld: boolean;

  constructor(
    priorValue: Buffer | null,
    readonly oldValue: Buffer | null,
    readonly newValue: Buffer | null,
    readonly context: BufferedContext,
  ) {
    this.priorIsOld = bytesEqual(priorValue, oldValue);
    this.priorValue = this.priorIsOld ? oldValue : priorValue;
  }

  /** Java's `residentMemorySizeEstimate`, the unit of `BufferConfig.maxBytes`. */
  sizeEstimate(): number {
    const headerBytes = this.context.headers.reduce((sum, header) => sum + header.key.length + (header.value?.length ?? 0), 0);
    const contextBytes = 8 + 8 + this.context.topic.length + 4 + headerBytes;
    return (this.priorValue?.length ?? 0) + (this.oldValue !== null && !this.priorIsOld ? this.oldValue.length : 0) + (this.newValue?.length ?? 0) + contextBytes;
  }

  /**
   * Java's changelog layout (`BufferValue.serialize` + `ProcessorRecordContext.serialize`), followed by the buffer
   * time: timestamp, offset, topic, partition, headers, prior, old (-2 = same as prior), new, time.
   */
  serialize(bufferTime: number): Buffer {
    const parts: Buffer[] = [long(this.context.timestamp), long(this.context.offset), sized(Buffer.from(this.context.topic, "utf8")), int(this.context.partition)];
    parts.push(int(this.context.headers.length));
    for (const header of this.context.headers) parts.push(sized(Buffer.from(header.key, "utf8")), sized(header.value));
    parts.push(sized(this.priorValue));
    if (this.oldValue === null) parts.push(int(-1));
    else if (this.priorIsOld) parts.push(int(-2));
    else parts.push(sized(this.oldValue));
    parts.push(sized(this.newValue), long(bufferTime));
    return Buffer.concat(parts);
  }

  /** Reads what `serialize` wrote: the value and its buffer time. */
  static deserialize(bytes: Buffer): { value: BufferValue; bufferTime: number } {
    let offset = 0;
    const readLong = (): number => {
      const value = Number(bytes.readBigInt64BE(offset));
      offset += 8;
      return value;
    };
    const readInt = (): number => {
      const value = bytes.readInt32BE(offset);
      offset += 4;
      return value;
    };
    const readArray = (length: number): Buffer | null => {
      if (length < 0) return null;
      const value = Buffer.from(bytes.subarray(offset, offset + length));
      offset += length;
      return value;
    };
    const timestamp = readLong();
    const recordOffset = readLong();
    const topic = readArray(readInt())!.toString("utf8");
    const partition = readInt();
    const headers: { key: string; value: Buffer | null }[] = [];
    const headerCount = readInt();
    for (let index = 0; index < headerCount; index++) headers.push({ key: readArray(readInt())!.toString("utf8"), value: readArray(readInt()) });
    const prior = readArray(readInt());
    const oldLength = readInt();
    const old = oldLength === -2 ? prior : readArray(oldLength);
    const newValue = readArray(readInt());
    const bufferTime = readLong();
    return { value: new BufferValue(prior, old, newValue, { timestamp, offset: recordOffset, topic, partition, headers }), bufferTime };
  }
}

function bytesEqual(a: Buffer | null, b: Buffer | null): boolean {
  return a === null || b === null ? a === b : a.equals(b);
}

function long(value: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigInt64BE(BigInt(value));
  return bytes;
}

function int(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(value);
  return bytes;
}

/** A size-prefixed array; null is size -1. */
function sized(value: Buffer | null): Buffer {
  return value === null ? int(-1) : Buffer.concat([int(value.length), value]);
}
