import type { Serde } from "../../serdes.ts";
import type { InternalTopologyBuilder } from "../../topology/internal-topology-builder.ts";
import { Materialized } from "../options/materialized.ts";

/**
 * A `Materialized` as an operation uses it (Java's `MaterializedInternal`): a user-given store name makes the store
 * queryable; otherwise, when a name provider is passed, a name `<prefix>STATE-STORE-<n>` is generated right away
 * (taking a counter value even if the store is never built, as Java does).
 */
export interface MaterializedInternal<K, V> {
  readonly storeName: string | undefined;
  /** The user's name, or undefined: only user-named stores are queryable (and force materialization downstream). */
  readonly queryableStoreName: string | undefined;
  readonly keySerde: Serde<K> | undefined;
  readonly valueSerde: Serde<V> | undefined;
  readonly loggingEnabled: boolean;
  readonly topicConfig: Readonly<Record<string, string>>;
  readonly cachingEnabled: boolean;
  readonly retentionMs: number | undefined;
}

/** A MaterializedInternal whose store name is known (a name was given or generated). */
export type NamedMaterialized<K, V> = MaterializedInternal<K, V> & { readonly storeName: string };

export function materializedInternal<K, V>(materialized: Materialized<K, V> | undefined): MaterializedInternal<K, V>;
export function materializedInternal<K, V>(materialized: Materialized<K, V> | undefined, builder: InternalTopologyBuilder, generatedPrefix: string): NamedMaterialized<K, V>;
export function materializedInternal<K, V>(
  materialized: Materialized<K, V> | undefined,
  builder?: InternalTopologyBuilder,
  generatedPrefix?: string,
): MaterializedInternal<K, V> {
  const source = materialized ?? Materialized.with<K, V>(undefined, undefined);
  const queryableStoreName = source.storeName;
  const storeName = queryableStoreName ?? (builder && generatedPrefix !== undefined ? builder.newStoreName(generatedPrefix) : undefined);
  return {
    storeName,
    queryableStoreName,
    keySerde: source.keySerde,
    valueSerde: source.valueSerde,
    loggingEnabled: source.loggingEnabled,
    topicConfig: source.topicConfig,
    cachingEnabled: source.cachingEnabled,
    retentionMs: source.retentionMs,
  };
}

/** The same, with serdes filled where the user gave none (Java's `if (keySerde() == null) withKeySerde(…)`). */
export function withSerdeDefaults<K, V, M extends MaterializedInternal<K, V>>(materialized: M, keySerde: Serde<K> | undefined, valueSerde: Serde<V> | undefined): M {
  return { ...materialized, keySerde: materialized.keySerde ?? keySerde, valueSerde: materialized.valueSerde ?? valueSerde };
}
