import { IllegalStateError } from "../../errors.ts";
import type { Serde } from "../../serdes.ts";
import { LoggedInMemoryBytes } from "../../state/key-value-bytes-layer.ts";
import type { StateStore, StateStoreContext, StoreBuilder } from "../../state/store.ts";
import { Topology } from "../../topology/topology.ts";

/** Where an unmatched record waits: its key, timestamp and side (Java's `TimestampedKeyAndJoinSide`). */
export interface TimestampedKeyAndJoinSide<K> {
  readonly key: K;
  readonly timestamp: number;
  readonly leftSide: boolean;
}

/** The waiting record's value, from exactly one side (Java's `LeftOrRightValue`). */
export type LeftOrRightValue<VL, VR> = { readonly left: VL; readonly right?: never } | { readonly right: VR; readonly left?: never };

/** The records waiting under one key, in arrival order. */
export interface OuterJoinEntry<K, VL, VR> {
  readonly key: TimestampedKeyAndJoinSide<K>;
  readonly values: readonly LeftOrRightValue<VL, VR>[];
}

/** Java's `ListSerde` with VARIABLE_SIZE entries: strategy byte, count, then length-prefixed entries. */
const VARIABLE_SIZE_STRATEGY = 1;

/**
 * The shared store of a left/outer stream-stream join holding records that found no partner yet (Java's
 * `ListValueStore` built by `OuterStreamJoinStoreFactory`). Keys are serialized as `<timestamp: 8 bytes><side: right=0,
 * left=1><key bytes>` and kept in byte order, so a scan visits records by timestamp, right before left, then by key;
 * records with the same timestamp, side and key are kept as a list in arrival order. Changelogged like Java: every
 * write logs the whole list (or a tombstone) with the current record's timestamp.
 */
export class OuterJoinStore<K, VL, VR> implements StateStore {
  private state: { base: LoggedInMemoryBytes; topic: string; keySerde: Serde<K>; leftSerde: Serde<VL>; rightSerde: Serde<VR>; context: StateStoreContext } | undefined;

  constructor(
    readonly name: string,
    readonly logged: boolean,
    private readonly keySerde: Serde<K> | undefined,
    private readonly leftSerde: Serde<VL> | undefined,
    private readonly rightSerde: Serde<VR> | undefined,
  ) {}

  init(context: StateStoreContext): void {
    this.state = {
      base: new LoggedInMemoryBytes(this.name, context, this.logged),
      topic: Topology.decorate(context.applicationId, `${this.name}-changelog`),
      keySerde: this.keySerde ?? (context.keySerde as Serde<K>),
      leftSerde: this.leftSerde ?? (context.valueSerde as Serde<VL>),
      rightSerde: this.rightSerde ?? (context.valueSerde as Serde<VR>),
      context,
    };
  }

  /** Appends a waiting record (Java's `ListValueStore.put` with a value). */
  add(key: TimestampedKeyAndJoinSide<K>, value: LeftOrRightValue<VL, VR>): void {
    const { base, context } = this.open();
    const keyBytes = this.keyBytes(key);
    const list = [...this.entriesAt(keyBytes), this.valueBytes(value)];
    base.put(keyBytes, { bytes: encodeList(list), timestamp: context.recordTimestamp });
  }

  /** Drops every record under the key, logging a tombstone even when there was none (Java's blind `put(key, null)`). */
  remove(key: TimestampedKeyAndJoinSide<K>): void {
    this.open().base.put(this.keyBytes(key), null);
  }

  /** Drops the records under the key only when there are some (Java's `putIfAbsent(key, null)` on this store). */
  removeIfPresent(key: TimestampedKeyAndJoinSide<K>): void {
    const keyBytes = this.keyBytes(key);
    if (this.open().base.get(keyBytes) !== undefined) this.open().base.put(keyBytes, null);
  }

  /** Every key in byte order with its waiting records (a snapshot). */
  all(): OuterJoinEntry<K, VL, VR>[] {
    return this.open()
      .base.range(undefined, undefined, false)
      .map(([keyBytes, stored]) => ({ key: this.keyFromBytes(keyBytes), values: decodeList(stored.bytes).map((bytes) => this.valueFromBytes(bytes)) }));
  }

  flush(): void {}

  close(): void {
    this.state?.base.clear();
    this.state = undefined;
  }

  restore(key: Buffer, value: Buffer | null, timestamp: number): void {
    this.open().base.restore(key, value === null ? null : { bytes: value, timestamp });
  }

  private entriesAt(keyBytes: Buffer): Buffer[] {
    const stored = this.open().base.get(keyBytes);
    return stored === undefined ? [] : decodeList(stored.bytes);
  }

  private keyBytes(key: TimestampedKeyAndJoinSide<K>): Buffer {
    const { keySerde, topic } = this.open();
    const prefix = Buffer.alloc(9);
    prefix.writeBigInt64BE(BigInt(key.timestamp));
    prefix.writeUInt8(key.leftSide ? 1 : 0, 8);
    return Buffer.concat([prefix, keySerde.serialize(topic, key.key) ?? Buffer.alloc(0)]);
  }

  private keyFromBytes(bytes: Buffer): TimestampedKeyAndJoinSide<K> {
    const { keySerde, topic } = this.open();
    return { timestamp: Number(bytes.readBigInt64BE(0)), leftSide: bytes[8] === 1, key: keySerde.deserialize(topic, bytes.subarray(9)) as K };
  }

  /** Java's `LeftOrRightValueSerializer`: a side byte (left=1) and the value's bytes. */
  private valueBytes(value: LeftOrRightValue<VL, VR>): Buffer {
    const { leftSerde, rightSerde, topic } = this.open();
    const isLeft = "left" in value;
    const raw = isLeft ? leftSerde.serialize(topic, value.left as VL) : rightSerde.serialize(topic, value.right as VR);
    return Buffer.concat([Buffer.from([isLeft ? 1 : 0]), raw ?? Buffer.alloc(0)]);
  }

  private valueFromBytes(bytes: Buffer): LeftOrRightValue<VL, VR> {
    const { leftSerde, rightSerde, topic } = this.open();
    const raw = bytes.subarray(1);
    return bytes[0] === 1 ? { left: leftSerde.deserialize(topic, raw) as VL } : { right: rightSerde.deserialize(topic, raw) as VR };
  }

  private open(): NonNullable<typeof this.state> {
    if (!this.state) throw new IllegalStateError(`Store ${this.name} is currently closed.`);
    return this.state;
  }
}

function encodeList(entries: readonly Buffer[]): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt8(VARIABLE_SIZE_STRATEGY, 0);
  header.writeInt32BE(entries.length, 1);
  const parts = entries.flatMap((entry) => {
    const length = Buffer.alloc(4);
    length.writeInt32BE(entry.length);
    return [length, entry];
  });
  return Buffer.concat([header, ...parts]);
}

function decodeList(bytes: Buffer): Buffer[] {
  const count = bytes.readInt32BE(1);
  const entries: Buffer[] = [];
  let offset = 5;
  for (let index = 0; index < count; index++) {
    const length = bytes.readInt32BE(offset);
    entries.push(bytes.subarray(offset + 4, offset + 4 + length));
    offset += 4 + length;
  }
  return entries;
}

/** Java's `ListValueStoreBuilder` as the join uses it: never cached; logged unless StreamJoined disables logging. */
export function outerJoinStoreBuilder<K, VL, VR>(
  name: string,
  logging: { readonly enabled: boolean; readonly topicConfig: Readonly<Record<string, string>> },
  serdes: { readonly keySerde: Serde<K> | undefined; readonly leftSerde: Serde<VL> | undefined; readonly rightSerde: Serde<VR> | undefined },
): StoreBuilder<OuterJoinStore<K, VL, VR>> {
  return {
    name,
    logged: logging.enabled,
    cached: false,
    // A key-value changelog: compacted unless the user's StreamJoined topic config says otherwise.
    changelogConfig: logging.enabled ? { "cleanup.policy": "compact", ...logging.topicConfig } : {},
    build: () => new OuterJoinStore(name, logging.enabled, serdes.keySerde, serdes.leftSerde, serdes.rightSerde),
  };
}
