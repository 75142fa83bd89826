import type { Serde } from "../../serdes.ts";

/**
 * Options of a stream-stream join (Java's `StreamJoined`): serdes for the key and both value types (used by the two
 * join window stores, the shared outer-join store and any repartition topic), a name for the join's processors
 * (`<name>-this-join`, `<name>-merge`…) and repartition topics (`<name>-left-repartition`…), a base name for its
 * stores (`<storeName>-this-join-store`…), and changelog settings for those stores.
 */
export class StreamJoined<K, V1, V2> {
  private constructor(
    readonly keySerde: Serde<K> | undefined,
    /** Serde of this (left) stream's values. */
    readonly valueSerde: Serde<V1> | undefined,
    /** Serde of the other (right) stream's values. */
    readonly otherValueSerde: Serde<V2> | undefined,
    readonly name: string | undefined,
    readonly storeName: string | undefined,
    readonly loggingEnabled: boolean,
    readonly topicConfig: Readonly<Record<string, string>>,
  ) {}

  static with<K, V1, V2>(keySerde: Serde<K> | undefined, valueSerde: Serde<V1> | undefined, otherValueSerde: Serde<V2> | undefined): StreamJoined<K, V1, V2> {
    return new StreamJoined(keySerde, valueSerde, otherValueSerde, undefined, undefined, true, {});
  }

  /** Sets the base name of the join's stores (and so of their changelog topics). */
  static as<K, V1, V2>(storeName: string): StreamJoined<K, V1, V2> {
    return new StreamJoined<K, V1, V2>(undefined, undefined, undefined, undefined, storeName, true, {});
  }

  withName(name: string): StreamJoined<K, V1, V2> {
    return this.copy({ name });
  }

  withStoreName(storeName: string): StreamJoined<K, V1, V2> {
    return this.copy({ storeName });
  }

  withKeySerde(keySerde: Serde<K>): StreamJoined<K, V1, V2> {
    return this.copy({ keySerde });
  }

  withValueSerde(valueSerde: Serde<V1>): StreamJoined<K, V1, V2> {
    return this.copy({ valueSerde });
  }

  withOtherValueSerde(otherValueSerde: Serde<V2>): StreamJoined<K, V1, V2> {
    return this.copy({ otherValueSerde });
  }

  /** Extra changelog topic configs for the join stores (Java's `withLoggingEnabled(Map)`). */
  withLoggingEnabled(topicConfig: Readonly<Record<string, string>> = {}): StreamJoined<K, V1, V2> {
    return this.copy({ loggingEnabled: true, topicConfig });
  }

  withLoggingDisabled(): StreamJoined<K, V1, V2> {
    return this.copy({ loggingEnabled: false, topicConfig: {} });
  }

  private copy(change: Partial<Omit<StreamJoined<K, V1, V2>, "copy">>): StreamJoined<K, V1, V2> {
    const next = { ...this, ...change };
    return new StreamJoined(next.keySerde, next.valueSerde, next.otherValueSerde, next.name, next.storeName, next.loggingEnabled, next.topicConfig);
  }
}
