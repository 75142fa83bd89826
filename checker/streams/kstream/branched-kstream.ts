import { passThroughProcessor, branchProcessor } from "./internals/stateless-processors.ts";
import { KStream } from "./kstream.ts";
import type { Branched } from "./options/branched.ts";

/**
 * The result of `KStream.split()` (Java's `BranchedKStream`): add branches in order; a record goes to the first branch
 * whose predicate matches. `defaultBranch` / `noDefaultBranch` end the chain and return the branches by name:
 * `<split name><Branched name>`, or `<split name><1-based index>` (`0` for an unnamed default branch).
 */
export interface BranchedKStream<K, V> {
  branch(predicate: (key: K, value: V) => boolean, branched?: Branched<K, V>): BranchedKStream<K, V>;
  defaultBranch(branched?: Branched<K, V>): Map<string, KStream<K, V>>;
  noDefaultBranch(): Map<string, KStream<K, V>>;
}

/** Java's `BranchedKStreamImpl`: the splitter node now, one pass-through child node per branch as it is added. */
export class BranchedKStreamImpl<K, V> implements BranchedKStream<K, V> {
  private readonly predicates: Array<(key: K, value: V) => boolean> = [];
  private readonly childNames: string[] = [];
  private readonly outputBranches = new Map<string, KStream<K, V>>();

  constructor(
    private readonly source: KStream<K, V>,
    private readonly splitterName: string,
  ) {
    source.builder.addProcessor(splitterName, branchProcessor(this.predicates, this.childNames), [source.name]);
  }

  branch(predicate: (key: K, value: V) => boolean, branched?: Branched<K, V>): BranchedKStream<K, V> {
    this.predicates.push(predicate);
    this.createBranch(branched, this.predicates.length);
    return this;
  }

  defaultBranch(branched?: Branched<K, V>): Map<string, KStream<K, V>> {
    this.createBranch(branched, 0);
    return this.outputBranches;
  }

  noDefaultBranch(): Map<string, KStream<K, V>> {
    return this.outputBranches;
  }

  private createBranch(branched: Branched<K, V> | undefined, index: number): void {
    const childName = this.splitterName + (branched?.name ?? String(index));
    this.childNames.push(childName);
    // Java takes a counter value per branch although the name does not use it.
    this.source.builder.newProcessorName(childName);
    this.source.builder.addProcessor(childName, passThroughProcessor<K, V>(), [this.splitterName]);
    const { builder, subTopologySourceNodes, keySerde, valueSerde, repartitionRequired } = this.source;
    const branch = new KStream<K, V>(builder, childName, subTopologySourceNodes, keySerde, valueSerde, repartitionRequired);
    const result = branched ? branched.resultFor(branch) : branch;
    if (result) this.outputBranches.set(childName, result);
  }
}
