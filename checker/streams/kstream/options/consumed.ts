import type { Serde } from "../../serdes.ts";
import type { TimestampExtractor } from "../../topology/nodes.ts";

/** How a source topic is read (Java's `Consumed`): serdes (undefined = the config's default), timestamps, a name. */
export class Consumed<K, V> {
  private constructor(
    readonly keySerde: Serde<K> | undefined,
    readonly valueSerde: Serde<V> | undefined,
    readonly timestampExtractor: TimestampExtractor | undefined,
    readonly processorName: string | undefined,
  ) {}

  static with<K, V>(keySerde: Serde<K> | undefined, valueSerde: Serde<V> | undefined, timestampExtractor?: TimestampExtractor): Consumed<K, V> {
    return new Consumed(keySerde, valueSerde, timestampExtractor, undefined);
  }

  static as<K, V>(processorName: string): Consumed<K, V> {
    return new Consumed<K, V>(undefined, undefined, undefined, processorName);
  }

  withKeySerde(keySerde: Serde<K>): Consumed<K, V> {
    return new Consumed(keySerde, this.valueSerde, this.timestampExtractor, this.processorName);
  }

  withValueSerde(valueSerde: Serde<V>): Consumed<K, V> {
    return new Consumed(this.keySerde, valueSerde, this.timestampExtractor, this.processorName);
  }

  withTimestampExtractor(timestampExtractor: TimestampExtractor): Consumed<K, V> {
    return new Consumed(this.keySerde, this.valueSerde, timestampExtractor, this.processorName);
  }

  withName(processorName: string): Consumed<K, V> {
    return new Consumed(this.keySerde, this.valueSerde, this.timestampExtractor, processorName);
  }
}
