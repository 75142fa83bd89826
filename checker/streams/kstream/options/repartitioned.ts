import type { Serde } from "../../serdes.ts";
import type { SinkNode } from "../../topology/nodes.ts";
import type { StreamPartitioner } from "./produced.ts";

/** Options of `KStream.repartition` (Java's `Repartitioned`): topic name, serdes, partition count, partitioner. */
export class Repartitioned<K, V> {
  private constructor(
    readonly name: string | undefined,
    readonly keySerde: Serde<K> | undefined,
    readonly valueSerde: Serde<V> | undefined,
    readonly numberOfPartitions: number | undefined,
    // Private: a public function-typed member would make Repartitioned, and KStream with it, invariant.
    private readonly partitioner: StreamPartitioner<K, V> | undefined,
  ) {}

  static as<K, V>(name: string): Repartitioned<K, V> {
    return new Repartitioned<K, V>(name, undefined, undefined, undefined, undefined);
  }

  static with<K, V>(keySerde: Serde<K> | undefined, valueSerde: Serde<V> | undefined): Repartitioned<K, V> {
    return new Repartitioned(undefined, keySerde, valueSerde, undefined, undefined);
  }

  static numberOfPartitions<K, V>(partitions: number): Repartitioned<K, V> {
    return new Repartitioned<K, V>(undefined, undefined, undefined, partitions, undefined);
  }

  static streamPartitioner<K, V>(partitioner: StreamPartitioner<K, V>): Repartitioned<K, V> {
    return new Repartitioned<K, V>(undefined, undefined, undefined, undefined, partitioner);
  }

  withName(name: string): Repartitioned<K, V> {
    return new Repartitioned(name, this.keySerde, this.valueSerde, this.numberOfPartitions, this.partitioner);
  }

  withKeySerde(keySerde: Serde<K>): Repartitioned<K, V> {
    return new Repartitioned(this.name, keySerde, this.valueSerde, this.numberOfPartitions, this.partitioner);
  }

  withValueSerde(valueSerde: Serde<V>): Repartitioned<K, V> {
    return new Repartitioned(this.name, this.keySerde, valueSerde, this.numberOfPartitions, this.partitioner);
  }

  withNumberOfPartitions(partitions: number): Repartitioned<K, V> {
    return new Repartitioned(this.name, this.keySerde, this.valueSerde, partitions, this.partitioner);
  }

  withStreamPartitioner(partitioner: StreamPartitioner<K, V>): Repartitioned<K, V> {
    return new Repartitioned(this.name, this.keySerde, this.valueSerde, this.numberOfPartitions, partitioner);
  }

  /** @internal The partitioner in the shape a sink node stores. */
  sinkPartitioner(): SinkNode["partitioner"] {
    return this.partitioner as SinkNode["partitioner"];
  }
}
