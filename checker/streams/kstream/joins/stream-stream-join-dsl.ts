import type { ProcessorContext, ProcessorSupplier } from "../../processor/api.ts";
import type { Serde } from "../../serdes.ts";
import type { InMemoryTimestampedWindowStore } from "../../state/timestamped-window-store.ts";
import { WindowStores } from "../../state/window-stores.ts";
import type { InternalTopologyBuilder } from "../../topology/internal-topology-builder.ts";
import { isNullish } from "../internals/store-value-getter.ts";
import { passThroughProcessor } from "../internals/stateless-processors.ts";
import { KStream } from "../kstream.ts";
import { suffixedNameOrGenerate, validateName } from "../options/named.ts";
import { ensureCopartitionWith } from "./copartitioning.ts";
import type { JoinWindows } from "./join-windows.ts";
import { streamJoinProcessor } from "./kstream-kstream-join.ts";
import { outerJoinStoreBuilder } from "./outer-join-store.ts";
import { markNullKeyRelaxedJoin } from "../internals/repartition.ts";
import { repartitionForJoin } from "./repartition-for-join.ts";
import { StreamJoined } from "./stream-joined.ts";
import { TimeTrackerSupplier } from "./time-tracker.ts";

/** Inner: neither side emits unmatched records; left: the left side does; outer: both do. */
export interface StreamJoinKind {
  readonly leftOuter: boolean;
  readonly rightOuter: boolean;
}

/**
 * `KStream.join/leftJoin/outerJoin(otherStream, joiner, JoinWindows, StreamJoined?)`: Java's `KStreamImpl.doJoin` and
 * `KStreamImplJoin.join` (Kafka Streams 4.4.0). Key-changed inputs are repartitioned first (`<name>-left-repartition`
 * / `<name>-right-repartition`, or named after the stream), both inputs are registered as co-partitioned, and the
 * join becomes: per side a window processor that stores its records, a join processor reading the other side's
 * store, and a merge node; names and store names exactly as Java generates them.
 *
 * As in Java, the join stores use only StreamJoined's serdes (not the streams' own): undefined means the config's
 * default serdes.
 */
export function streamStreamJoin<K, V, VO, VR>(
  thisStream: KStream<K, V>,
  otherStream: KStream<K, VO>,
  joiner: (value: V | null, otherValue: VO | null) => VR,
  windows: JoinWindows,
  streamJoined: StreamJoined<K, V, VO> | undefined,
  kind: StreamJoinKind,
): KStream<K, VR> {
  const options = streamJoined ?? StreamJoined.with<K, V, VO>(undefined, undefined, undefined);
  if (options.name !== undefined) validateName(options.name);
  const left = thisStream.repartitionRequired ? repartitionForJoin(thisStream, suffixOr(options.name, "-left", thisStream.name), options.keySerde, options.valueSerde) : thisStream;
  const right = otherStream.repartitionRequired
    ? repartitionForJoin(otherStream, suffixOr(options.name, "-right", otherStream.name), options.keySerde, options.otherValueSerde)
    : otherStream;
  const sourceNodes = ensureCopartitionWith(thisStream.builder, [left.subTopologySourceNodes, right.subTopologySourceNodes]);
  const mergeName = writeJoin(thisStream.builder, left.name, right.name, joiner, windows, options, kind);
  return new KStream<K, VR>(thisStream.builder, mergeName, sourceNodes, options.keySerde, undefined, false);
}

/** Java's two-argument `NamedInternal.suffixWithOrElseGet`: no counter value is taken. */
function suffixOr(name: string | undefined, suffix: string, otherwise: string): string {
  return name === undefined ? otherwise : name + suffix;
}

/** Java's `KStreamImplJoin.join`: takes the names in Java's order, then writes the nodes and stores. Returns the merge node. */
function writeJoin<K, V, VO, VR>(
  builder: InternalTopologyBuilder,
  leftParent: string,
  rightParent: string,
  joiner: (value: V | null, otherValue: VO | null) => VR,
  windows: JoinWindows,
  options: StreamJoined<K, V, VO>,
  { leftOuter, rightOuter }: StreamJoinKind,
): string {
  const { name, storeName } = options;
  const thisSuffix = rightOuter ? "-outer-this-join" : "-this-join";
  const otherSuffix = leftOuter ? "-outer-other-join" : "-other-join";
  const thisWindowedName = suffixedNameOrGenerate(builder, name, "-this-windowed", "KSTREAM-WINDOWED-");
  const otherWindowedName = suffixedNameOrGenerate(builder, name, "-other-windowed", "KSTREAM-WINDOWED-");
  const thisPrefix = rightOuter ? "KSTREAM-OUTERTHIS-" : "KSTREAM-JOINTHIS-";
  const thisGenerated = builder.newProcessorName(thisPrefix);
  const otherGenerated = builder.newProcessorName(leftOuter ? "KSTREAM-OUTEROTHER-" : "KSTREAM-JOINOTHER-");
  const thisJoinName = suffixOr(name, thisSuffix, thisGenerated);
  const otherJoinName = suffixOr(name, otherSuffix, otherGenerated);
  const mergeName = suffixedNameOrGenerate(builder, name, "-merge", "KSTREAM-MERGE-");

  const logging = { enabled: options.loggingEnabled, topicConfig: options.topicConfig };
  const thisStore = joinWindowStoreBuilder(`${suffixOr(storeName, thisSuffix, thisGenerated)}-store`, windows, options.keySerde, options.valueSerde, logging);
  const otherStore = joinWindowStoreBuilder(`${suffixOr(storeName, otherSuffix, otherGenerated)}-store`, windows, options.keySerde, options.otherValueSerde, logging);
  // Java's OuterStreamJoinStoreFactory: only left/outer joins, and only with the spurious-results fix (not JoinWindows.of).
  const sharedSuffix = rightOuter ? "-outer-shared-join" : "-left-shared-join";
  const outerStore =
    leftOuter && windows.spuriousResultFixEnabled
      ? outerJoinStoreBuilder(`${suffixOr(storeName, sharedSuffix, `KSTREAM-OUTERSHARED-${thisGenerated.slice(thisPrefix.length)}`)}-store`, logging, {
          keySerde: options.keySerde,
          leftSerde: options.valueSerde,
          rightSerde: options.otherValueSerde,
        })
      : undefined;

  const timeTrackers = new TimeTrackerSupplier();
  const common = { windows, timeTrackers, outerStoreName: outerStore?.name };
  const thisJoin = streamJoinProcessor<K, V, VO, VR>({ ...common, leftSide: true, outer: leftOuter, otherStoreName: otherStore.name, joiner });
  const reversed = (otherValue: VO | null, value: V | null): VR => joiner(value, otherValue);
  const otherJoin = streamJoinProcessor<K, VO, V, VR>({ ...common, leftSide: false, outer: rightOuter, otherStoreName: thisStore.name, joiner: reversed });

  // Java's ProcessorParameters.addProcessorTo: each processor, then the stores its supplier declares, in this order.
  builder.addProcessor(thisWindowedName, joinWindowProcessor(thisStore.name), [leftParent]);
  builder.addStateStore(thisStore, [thisWindowedName]);
  builder.addProcessor(otherWindowedName, joinWindowProcessor(otherStore.name), [rightParent]);
  builder.addStateStore(otherStore, [otherWindowedName]);
  builder.addProcessor(thisJoinName, thisJoin, [thisWindowedName]);
  builder.addStateStore(otherStore, [thisJoinName]);
  if (outerStore) builder.addStateStore(outerStore, [thisJoinName]);
  builder.addProcessor(otherJoinName, otherJoin, [otherWindowedName]);
  builder.addStateStore(thisStore, [otherJoinName]);
  if (outerStore) builder.addStateStore(outerStore, [otherJoinName]);
  builder.addProcessor(mergeName, passThroughProcessor(), [thisJoinName, otherJoinName]);
  // Java labels a left/outer join NULL_KEY_RELAXED_JOIN: repartition steps upstream then keep null keys.
  if (leftOuter || rightOuter) for (const node of [thisWindowedName, otherWindowedName, thisJoinName, otherJoinName, mergeName]) markNullKeyRelaxedJoin(builder, node);
  return mergeName;
}

/**
 * Java's `StreamJoinedStoreFactory`: an in-memory window store keeping duplicates, windows of `before + after`,
 * retention `before + after + grace`; its changelog is `cleanup.policy=delete` (duplicates cannot be compacted).
 */
function joinWindowStoreBuilder<K, V>(
  name: string,
  windows: JoinWindows,
  keySerde: Serde<K> | undefined,
  valueSerde: Serde<V> | undefined,
  logging: { readonly enabled: boolean; readonly topicConfig: Readonly<Record<string, string>> },
) {
  const spec = WindowStores.inMemoryWindowStore(name, windows.size() + windows.gracePeriodMs(), windows.size(), true);
  const builder = WindowStores.timestampedWindowStoreBuilder(spec, keySerde, valueSerde);
  return logging.enabled ? builder.withLoggingEnabled({ ...logging.topicConfig, "cleanup.policy": "delete" }) : builder.withLoggingDisabled();
}

/**
 * Java's `KStreamJoinWindow`: passes the record on to the join processor first, then keeps it in this side's window
 * store (null keys are not stored: they can never join).
 */
function joinWindowProcessor<K, V>(storeName: string): ProcessorSupplier<K, V> {
  return () => {
    let context: ProcessorContext<K, V>;
    let store: InMemoryTimestampedWindowStore<K, V>;
    return {
      init(processorContext) {
        context = processorContext;
        store = context.getStateStore(storeName);
      },
      process(record) {
        context.forward(record);
        if (isNullish(record.key)) return;
        store.put(record.key, isNullish(record.value) ? null : { value: record.value, timestamp: record.timestamp }, record.timestamp);
      },
    };
  };
}
