import type { Serde } from "../../serdes.ts";

/**
 * Options of a stream-table join (Java's `Joined`): serdes for the key, the stream's values and the table's values
 * (used when the stream must be repartitioned first), and a name for the join processor (and that repartition topic).
 * Serdes left undefined are inherited from the stream or come from the config defaults.
 */
export class Joined<K, VLeft, VRight> {
  private constructor(
    readonly keySerde: Serde<K> | undefined,
    /** Serde of the stream's (left) values. */
    readonly valueSerde: Serde<VLeft> | undefined,
    /** Serde of the table's (right) values. */
    readonly otherValueSerde: Serde<VRight> | undefined,
    readonly name: string | undefined,
    /** Java's `withGracePeriod` (KIP-923): needs a versioned table, which this kit does not offer. */
    readonly gracePeriodMs: number | undefined,
  ) {}

  static with<K, VLeft, VRight>(
    keySerde: Serde<K> | undefined,
    valueSerde: Serde<VLeft> | undefined,
    otherValueSerde: Serde<VRight> | undefined,
    name?: string,
  ): Joined<K, VLeft, VRight> {
    return new Joined(keySerde, valueSerde, otherValueSerde, name, undefined);
  }

  /** Names the join processor (`<name>`) and, when the stream needs one, its repartition topic (`<name>-repartition`). */
  static as<K, VLeft, VRight>(name: string): Joined<K, VLeft, VRight> {
    return new Joined<K, VLeft, VRight>(undefined, undefined, undefined, name, undefined);
  }

  withKeySerde(keySerde: Serde<K>): Joined<K, VLeft, VRight> {
    return new Joined(keySerde, this.valueSerde, this.otherValueSerde, this.name, this.gracePeriodMs);
  }

  withValueSerde(valueSerde: Serde<VLeft>): Joined<K, VLeft, VRight> {
    return new Joined(this.keySerde, valueSerde, this.otherValueSerde, this.name, this.gracePeriodMs);
  }

  withOtherValueSerde(otherValueSerde: Serde<VRight>): Joined<K, VLeft, VRight> {
    return new Joined(this.keySerde, this.valueSerde, otherValueSerde, this.name, this.gracePeriodMs);
  }

  withName(name: string): Joined<K, VLeft, VRight> {
    return new Joined(this.keySerde, this.valueSerde, this.otherValueSerde, name, this.gracePeriodMs);
  }

  /**
   * Java buffers stream records this long to join them with a versioned table in timestamp order. Tables here are
   * never versioned, so the join rejects it with Java's message.
   */
  withGracePeriod(gracePeriodMs: number): Joined<K, VLeft, VRight> {
    return new Joined(this.keySerde, this.valueSerde, this.otherValueSerde, this.name, gracePeriodMs);
  }
}
