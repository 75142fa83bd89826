import { InvalidArgumentError } from "../../errors.ts";
import type { Serde } from "../../serdes.ts";
import { validateName } from "./named.ts";

/**
 * How an operation's state store is made (Java's `Materialized`): a store name (which also names its changelog topic
 * `<application.id>-<name>-changelog` and makes the store queryable), serdes (undefined = inherited or the config's
 * default), changelog logging and the record cache (both on by default), and retention (window stores only).
 */
export class Materialized<K, V> {
  private constructor(
    readonly storeName: string | undefined,
    readonly keySerde: Serde<K> | undefined,
    readonly valueSerde: Serde<V> | undefined,
    readonly loggingEnabled: boolean,
    readonly topicConfig: Readonly<Record<string, string>>,
    readonly cachingEnabled: boolean,
    readonly retentionMs: number | undefined,
  ) {}

  static as<K, V>(storeName: string): Materialized<K, V> {
    validateName(storeName);
    return new Materialized<K, V>(storeName, undefined, undefined, true, {}, true, undefined);
  }

  static with<K, V>(keySerde: Serde<K> | undefined, valueSerde: Serde<V> | undefined): Materialized<K, V> {
    return new Materialized(undefined, keySerde, valueSerde, true, {}, true, undefined);
  }

  withKeySerde(keySerde: Serde<K>): Materialized<K, V> {
    return this.copy({ keySerde });
  }

  withValueSerde(valueSerde: Serde<V>): Materialized<K, V> {
    return this.copy({ valueSerde });
  }

  /** @internal Both serdes replaced, undefined included (Java's `withKeySerde(null)`, as StreamsBuilder.table does). */
  withSerdes(keySerde: Serde<K> | undefined, valueSerde: Serde<V> | undefined): Materialized<K, V> {
    return this.copy({ keySerde, valueSerde });
  }

  /** Extra changelog topic configs, as Java's `withLoggingEnabled(Map)`. */
  withLoggingEnabled(topicConfig: Readonly<Record<string, string>> = {}): Materialized<K, V> {
    return this.copy({ loggingEnabled: true, topicConfig });
  }

  withLoggingDisabled(): Materialized<K, V> {
    return this.copy({ loggingEnabled: false, topicConfig: {} });
  }

  withCachingEnabled(): Materialized<K, V> {
    return this.copy({ cachingEnabled: true });
  }

  withCachingDisabled(): Materialized<K, V> {
    return this.copy({ cachingEnabled: false });
  }

  /** How long a window or session store keeps data, in ms (Java's `withRetention`; validated by the windowed operation). */
  withRetention(retentionMs: number): Materialized<K, V> {
    if (retentionMs < 0) throw new InvalidArgumentError("Retention must not be negative.");
    return this.copy({ retentionMs });
  }

  private copy(change: Partial<Omit<Materialized<K, V>, "storeName">>): Materialized<K, V> {
    const next = { ...this, ...change };
    return new Materialized(this.storeName, next.keySerde, next.valueSerde, next.loggingEnabled, next.topicConfig, next.cachingEnabled, next.retentionMs);
  }
}
