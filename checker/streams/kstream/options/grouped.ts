import type { Serde } from "../../serdes.ts";

/**
 * How a stream or table is grouped (Java's `Grouped`): the serdes of the repartition topic, and a name that fixes the
 * repartition topic to `<application.id>-<name>-repartition` instead of a generated one.
 */
export class Grouped<K, V> {
  private constructor(
    readonly name: string | undefined,
    readonly keySerde: Serde<K> | undefined,
    readonly valueSerde: Serde<V> | undefined,
  ) {}

  static as<K, V>(name: string): Grouped<K, V> {
    return new Grouped<K, V>(name, undefined, undefined);
  }

  static with<K, V>(keySerde: Serde<K> | undefined, valueSerde: Serde<V> | undefined): Grouped<K, V>;
  static with<K, V>(name: string, keySerde: Serde<K> | undefined, valueSerde: Serde<V> | undefined): Grouped<K, V>;
  static with<K, V>(...args: [Serde<K> | undefined, Serde<V> | undefined] | [string, Serde<K> | undefined, Serde<V> | undefined]): Grouped<K, V> {
    if (typeof args[0] === "string") return new Grouped(args[0], args[1] as Serde<K> | undefined, args[2]);
    return new Grouped(undefined, args[0], args[1] as Serde<V> | undefined);
  }

  static keySerde<K, V>(keySerde: Serde<K>): Grouped<K, V> {
    return new Grouped<K, V>(undefined, keySerde, undefined);
  }

  static valueSerde<K, V>(valueSerde: Serde<V>): Grouped<K, V> {
    return new Grouped<K, V>(undefined, undefined, valueSerde);
  }

  withName(name: string): Grouped<K, V> {
    return new Grouped(name, this.keySerde, this.valueSerde);
  }

  withKeySerde(keySerde: Serde<K>): Grouped<K, V> {
    return new Grouped(this.name, keySerde, this.valueSerde);
  }

  withValueSerde(valueSerde: Serde<V>): Grouped<K, V> {
    return new Grouped(this.name, this.keySerde, valueSerde);
  }
}
