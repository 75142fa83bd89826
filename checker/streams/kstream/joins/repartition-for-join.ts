import type { Serde } from "../../serdes.ts";
import { repartitionNames, writeRepartition } from "../internals/repartition.ts";
import { KStream } from "../kstream.ts";

/** The repartition source a stream last made for a join (Java's `KStreamImpl.repartitionNode` field). */
const lastJoinRepartition = new WeakMap<KStream<unknown, unknown>, string>();

/**
 * Java's `KStreamImpl.repartitionForJoin`: a key-changed stream goes through `<name>-repartition` before a join, so
 * that records with the same key meet in the same partition. Three names are always taken from the counter. When the
 * topic would be named after the stream itself (no user-given name) and the stream was already repartitioned for an
 * earlier join, Java reuses that repartition topic; the returned stream then carries the newly generated source name
 * as its source node although only the first one exists in the topology, exactly as in Java.
 */
export function repartitionForJoin<K, V>(
  stream: KStream<K, V>,
  topicPrefix: string,
  keySerdeOverride: Serde<K> | undefined,
  valueSerdeOverride: Serde<V> | undefined,
): KStream<K, V> {
  const keySerde = keySerdeOverride ?? stream.keySerde;
  const valueSerde = valueSerdeOverride ?? stream.valueSerde;
  const names = repartitionNames(stream.builder, topicPrefix);
  const key = stream as KStream<unknown, unknown>;
  let parentName = lastJoinRepartition.get(key);
  if (parentName === undefined || stream.name !== topicPrefix) {
    writeRepartition(stream.builder, stream.name, names, { keySerde: keySerde as Serde<unknown> | undefined, valueSerde: valueSerde as Serde<unknown> | undefined });
    parentName = names.sourceName;
    lastJoinRepartition.set(key, parentName);
  }
  return new KStream(stream.builder, parentName, [names.sourceName], keySerde, valueSerde, false);
}
