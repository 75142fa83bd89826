import type { Serde } from "../../serdes.ts";
import type { StoreBuilder } from "../../state/store.ts";
import type { InternalTopologyBuilder } from "../../topology/internal-topology-builder.ts";
import { KTable } from "../ktable.ts";
import { moveChildToEnd, repartitionNames, writeRepartition, type RepartitionNames } from "./repartition.ts";
import type { KTableSupplier } from "./table-supplier.ts";

export interface AggregateSpec<KR, VR> {
  /** The aggregation processor's name (already taken from the counter by the caller). */
  readonly functionName: string;
  readonly storeBuilder: StoreBuilder;
  readonly supplier: KTableSupplier<KR, VR>;
  readonly queryableStoreName: string | undefined;
  readonly keySerde: Serde<KR> | undefined;
  readonly valueSerde: Serde<VR> | undefined;
}

/**
 * Adds a grouped stream's aggregation to the topology (Java's `GroupedStreamAggregateBuilder`, shared by
 * count/reduce/aggregate and by windowed aggregations). The repartition step is created here, lazily: only when the
 * key may have changed, named `<Grouped name or store name>-repartition`. With a Grouped name a second aggregation
 * of the same grouped stream reuses the first one's topic (three names are still taken from the counter).
 */
export class GroupedStreamAggregateBuilder<K, V> {
  /** The repartition step written by the first aggregation (reused when the Grouped has a name). */
  private repartition: RepartitionNames | undefined;

  constructor(
    private readonly builder: InternalTopologyBuilder,
    private readonly parentName: string,
    private readonly subTopologySourceNodes: readonly string[],
    private readonly keySerde: Serde<K> | undefined,
    private readonly valueSerde: Serde<V> | undefined,
    private readonly repartitionRequired: boolean,
    private readonly userProvidedRepartitionTopicName: string | undefined,
  ) {}

  build<KR, VR>(spec: AggregateSpec<KR, VR>): KTable<KR, VR> {
    let parentName = this.parentName;
    let sourceNodes = this.subTopologySourceNodes;
    if (this.repartitionRequired) {
      const names = repartitionNames(this.builder, this.userProvidedRepartitionTopicName ?? spec.storeBuilder.name);
      if (this.repartition === undefined || this.userProvidedRepartitionTopicName === undefined) {
        writeRepartition(this.builder, this.parentName, names, { keySerde: this.keySerde, valueSerde: this.valueSerde });
        this.repartition = names;
      } else {
        moveChildToEnd(this.builder, this.parentName, this.repartition.filterName);
      }
      const repartitionSourceName = this.repartition.sourceName;
      parentName = repartitionSourceName;
      sourceNodes = [names.sourceName];
    }
    this.builder.addProcessor(spec.functionName, () => spec.supplier.get(), [parentName]);
    this.builder.addStateStore(spec.storeBuilder, [spec.functionName]);
    return new KTable(this.builder, spec.functionName, sourceNodes, spec.keySerde, spec.valueSerde, spec.supplier, spec.queryableStoreName);
  }
}
