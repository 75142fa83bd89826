import type { Serde } from "../serdes.ts";
import { InMemoryKeyValueStore, type KeyValueStore, type StoreOptions } from "./in-memory-key-value-store.ts";
import type { StateStore, StoreBuilder } from "./store.ts";
import { InMemoryTimestampedKeyValueStore, type TimestampedKeyValueStore } from "./timestamped-key-value-store.ts";

/** Names an in-memory key-value store (Java's KeyValueBytesStoreSupplier); the builder adds serdes. */
export interface KeyValueBytesStoreSupplier {
  readonly name: string;
}

/**
 * A StoreBuilder with Java's fluent switches. Defaults as Java's StoreBuilder: logging on, caching off (the DSL's
 * Materialized turns caching on for its stores).
 */
export class FluentStoreBuilder<S extends StateStore> implements StoreBuilder<S> {
  private loggingEnabled = true;
  private cachingEnabled = false;
  private logConfig: Readonly<Record<string, string>> = {};

  constructor(
    readonly name: string,
    private readonly create: (options: StoreOptions) => S,
    private readonly defaultChangelogConfig: Readonly<Record<string, string>>,
  ) {}

  get logged(): boolean {
    return this.loggingEnabled;
  }

  get cached(): boolean {
    return this.cachingEnabled;
  }

  get changelogConfig(): Readonly<Record<string, string>> {
    return { ...this.defaultChangelogConfig, ...this.logConfig };
  }

  withCachingEnabled(): this {
    this.cachingEnabled = true;
    return this;
  }

  withCachingDisabled(): this {
    this.cachingEnabled = false;
    return this;
  }

  /** Topic configs for the changelog, on top of the defaults (Java's withLoggingEnabled(Map)). */
  withLoggingEnabled(config: Readonly<Record<string, string>> = {}): this {
    this.loggingEnabled = true;
    this.logConfig = { ...config };
    return this;
  }

  withLoggingDisabled(): this {
    this.loggingEnabled = false;
    this.logConfig = {};
    return this;
  }

  build(): S {
    return this.create({ logged: this.loggingEnabled, cached: this.cachingEnabled });
  }
}

/** Key-value changelogs are compacted: only the latest value per key matters for restoring. */
const KEY_VALUE_CHANGELOG_CONFIG = { "cleanup.policy": "compact" } as const;

/** Java's `Stores` factories for key-value stores. Serdes left undefined come from the config defaults at init. */
export const Stores = {
  inMemoryKeyValueStore: (name: string): KeyValueBytesStoreSupplier => ({ name }),

  keyValueStoreBuilder: <K, V>(supplier: KeyValueBytesStoreSupplier, keySerde?: Serde<K>, valueSerde?: Serde<V>): FluentStoreBuilder<KeyValueStore<K, V>> =>
    new FluentStoreBuilder(supplier.name, (options) => new InMemoryKeyValueStore<K, V>(supplier.name, keySerde, valueSerde, options), KEY_VALUE_CHANGELOG_CONFIG),

  timestampedKeyValueStoreBuilder: <K, V>(
    supplier: KeyValueBytesStoreSupplier,
    keySerde?: Serde<K>,
    valueSerde?: Serde<V>,
  ): FluentStoreBuilder<TimestampedKeyValueStore<K, V>> =>
    new FluentStoreBuilder(supplier.name, (options) => new InMemoryTimestampedKeyValueStore<K, V>(supplier.name, keySerde, valueSerde, options), KEY_VALUE_CHANGELOG_CONFIG),
};
