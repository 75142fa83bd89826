import type { Serde } from "../../serdes.ts";
import type { SinkNode } from "../../topology/nodes.ts";

export type StreamPartitioner<K, V> = (key: K, value: V, partitions: number) => number | undefined;

/** How records are written to a topic (Java's `Produced`): serdes (undefined = the stream's or the default), partitioner, name. */
export class Produced<K, V> {
  private constructor(
    readonly keySerde: Serde<K> | undefined,
    readonly valueSerde: Serde<V> | undefined,
    // Private: a public function-typed member would make Produced, and every class taking one, invariant.
    private readonly partitioner: StreamPartitioner<K, V> | undefined,
    readonly processorName: string | undefined,
  ) {}

  static with<K, V>(keySerde: Serde<K> | undefined, valueSerde: Serde<V> | undefined, partitioner?: StreamPartitioner<K, V>): Produced<K, V> {
    return new Produced(keySerde, valueSerde, partitioner, undefined);
  }

  static as<K, V>(processorName: string): Produced<K, V> {
    return new Produced<K, V>(undefined, undefined, undefined, processorName);
  }

  static keySerde<K, V>(keySerde: Serde<K>): Produced<K, V> {
    return new Produced<K, V>(keySerde, undefined, undefined, undefined);
  }

  static valueSerde<K, V>(valueSerde: Serde<V>): Produced<K, V> {
    return new Produced<K, V>(undefined, valueSerde, undefined, undefined);
  }

  static streamPartitioner<K, V>(partitioner: StreamPartitioner<K, V>): Produced<K, V> {
    return new Produced<K, V>(undefined, undefined, partitioner, undefined);
  }

  withKeySerde(keySerde: Serde<K>): Produced<K, V> {
    return new Produced(keySerde, this.valueSerde, this.partitioner, this.processorName);
  }

  withValueSerde(valueSerde: Serde<V>): Produced<K, V> {
    return new Produced(this.keySerde, valueSerde, this.partitioner, this.processorName);
  }

  withStreamPartitioner(partitioner: StreamPartitioner<K, V>): Produced<K, V> {
    return new Produced(this.keySerde, this.valueSerde, partitioner, this.processorName);
  }

  withName(processorName: string): Produced<K, V> {
    return new Produced(this.keySerde, this.valueSerde, this.partitioner, processorName);
  }

  /** @internal The partitioner in the shape a sink node stores. */
  sinkPartitioner(): SinkNode["partitioner"] {
    return this.partitioner as SinkNode["partitioner"];
  }
}
