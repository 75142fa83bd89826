import { InvalidArgumentError } from "../../errors.ts";
import type { GlobalKTable } from "../global-ktable.ts";
import { markNullKeyRelaxedJoin } from "../internals/repartition.ts";
import { KStream } from "../kstream.ts";
import type { KTable } from "../ktable.ts";
import { nameOrGenerate, validateName, type Named } from "../options/named.ts";
import { ensureCopartitionWith } from "./copartitioning.ts";
import { Joined } from "./joined.ts";
import { streamTableJoinProcessor } from "./kstream-ktable-join.ts";
import { repartitionForJoin } from "./repartition-for-join.ts";

/**
 * `KStream.join/leftJoin(table, joiner, Joined?)` (Java's `KStreamImpl.join(KTable…)` and `doStreamTableJoin`): a
 * key-changed stream is repartitioned first (`<Joined name>-repartition`, or named after the stream), stream and table
 * are registered as co-partitioned, and the join processor (`KSTREAM-JOIN-…` / `KSTREAM-LEFTJOIN-…` or the Joined
 * name) reads the table's store. The result keeps the stream's key serde (or Joined's) and has no value serde.
 */
export function streamTableJoin<K, V, VT, VR>(
  stream: KStream<K, V>,
  table: KTable<K, VT>,
  joiner: (value: V, tableValue: VT | null) => VR,
  joined: Joined<K, V, VT> | undefined,
  leftJoin: boolean,
): KStream<K, VR> {
  const options = joined ?? Joined.with<K, V, VT>(undefined, undefined, undefined);
  if (options.name !== undefined) validateName(options.name);
  const input = stream.repartitionRequired ? repartitionForJoin(stream, options.name ?? stream.name, options.keySerde, options.valueSerde) : stream;
  const builder = stream.builder;
  const sourceNodes = ensureCopartitionWith(builder, [input.subTopologySourceNodes, table.subTopologySourceNodes]);
  const name = nameOrGenerate(builder, options.name, leftJoin ? "KSTREAM-LEFTJOIN-" : "KSTREAM-JOIN-");
  if (options.gracePeriodMs !== undefined) {
    // Java buffers the stream side only for versioned tables (KIP-923); this kit has no versioned stores.
    throw new InvalidArgumentError("KTable must be versioned to use a grace period in a stream table join.");
  }
  const tableValues = table.valueGetterSupplier();
  builder.addProcessor(name, streamTableJoinProcessor(tableValues, (key: K) => key, joiner, leftJoin), [input.name]);
  if (leftJoin) markNullKeyRelaxedJoin(builder, name);
  builder.connectProcessorAndStateStores([name], tableValues.storeNames);
  return new KStream<K, VR>(builder, name, sourceNodes, options.keySerde ?? input.keySerde, undefined, false);
}

/**
 * `KStream.join/leftJoin(globalTable, keySelector, joiner, Named?)` (Java's `doGlobalTableJoinWithStreamAndMappedKey`):
 * no repartition and no co-partitioning; the table is read from the global store every instance holds in full. Java
 * names the processor `KSTREAM-LEFTJOIN-…` for inner joins too. The result keeps the stream's key serde and its
 * "key may have changed" flag.
 */
export function globalTableJoin<K, V, GK, GV, VR>(
  stream: KStream<K, V>,
  globalTable: GlobalKTable<GK, GV>,
  keySelector: (key: K, value: V) => GK,
  joiner: (value: V, globalValue: GV | null) => VR,
  named: Named | undefined,
  leftJoin: boolean,
): KStream<K, VR> {
  const builder = stream.builder;
  const name = nameOrGenerate(builder, named?.name, "KSTREAM-LEFTJOIN-");
  builder.addProcessor(name, streamTableJoinProcessor(globalTable.valueGetterSupplier(), keySelector, joiner, leftJoin), [stream.name]);
  if (leftJoin) markNullKeyRelaxedJoin(builder, name);
  return new KStream<K, VR>(builder, name, stream.subTopologySourceNodes, stream.keySerde, undefined, stream.repartitionRequired);
}
