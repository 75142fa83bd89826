import { InvalidArgumentError } from "../errors.ts";
import type { Serde } from "../serdes.ts";
import { Topology } from "../topology/topology.ts";
import type { StateStoreContext } from "./store.ts";

/**
 * A store's serdes once the task is known (Java's `StateSerdes`): the builder's serdes, else the config defaults,
 * serializing "for" the changelog topic as Java does.
 */
export class StoreSerdes<K, V> {
  readonly topic: string;
  private readonly keySerde: Serde<K>;
  private readonly valueSerde: Serde<V>;

  constructor(storeName: string, context: StateStoreContext, keySerde: Serde<K> | undefined, valueSerde: Serde<V> | undefined) {
    this.topic = Topology.decorate(context.applicationId, `${storeName}-changelog`);
    this.keySerde = keySerde ?? (context.keySerde as Serde<K>);
    this.valueSerde = valueSerde ?? (context.valueSerde as Serde<V>);
  }

  rawKey(key: K): Buffer {
    const bytes = key === null || key === undefined ? null : this.keySerde.serialize(this.topic, key);
    if (bytes === null) throw new InvalidArgumentError("key cannot be null");
    return bytes;
  }

  keyFrom(bytes: Buffer): K {
    return this.keySerde.deserialize(this.topic, bytes) as K;
  }

  rawValue(value: V): Buffer | null {
    return this.valueSerde.serialize(this.topic, value);
  }

  valueFrom(bytes: Buffer): V {
    return this.valueSerde.deserialize(this.topic, bytes) as V;
  }
}
