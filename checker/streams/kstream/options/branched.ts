import type { KStream } from "../kstream.ts";

/**
 * One branch of `KStream.split()` (Java's `Branched`): its name suffix, and either a function whose returned stream is
 * put in the result map, or a consumer (the branch is then left out of the map).
 */
export class Branched<K, V> {
  // The functions are private: public function-typed members would make Branched (and KStream) invariant.
  private constructor(
    readonly name: string | undefined,
    private readonly chainFunction: ((branch: KStream<K, V>) => KStream<K, V> | null | undefined) | undefined,
    private readonly chainConsumer: ((branch: KStream<K, V>) => void) | undefined,
  ) {}

  static as<K, V>(name: string): Branched<K, V> {
    return new Branched<K, V>(name, undefined, undefined);
  }

  static withFunction<K, V>(chain: (branch: KStream<K, V>) => KStream<K, V> | null | undefined, name?: string): Branched<K, V> {
    return new Branched<K, V>(name, chain, undefined);
  }

  static withConsumer<K, V>(chain: (branch: KStream<K, V>) => void, name?: string): Branched<K, V> {
    return new Branched<K, V>(name, undefined, chain);
  }

  withName(name: string): Branched<K, V> {
    return new Branched(name, this.chainFunction, this.chainConsumer);
  }

  /**
   * @internal What the branch contributes to split()'s result map: the function's stream (none if it returns null),
   * nothing after a consumer ran, else the branch itself.
   */
  resultFor(branch: KStream<K, V>): KStream<K, V> | undefined {
    if (this.chainFunction) return this.chainFunction(branch) ?? undefined;
    if (this.chainConsumer) {
      this.chainConsumer(branch);
      return undefined;
    }
    return branch;
  }
}
