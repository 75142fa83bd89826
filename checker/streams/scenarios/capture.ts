import { Serdes, type Serde } from "../serdes.ts";
import { Produced } from "../kstream/options/produced.ts";

/** One sink write (the topic name) or a ready side record of peek/foreach, in the order they happened. */
export type Written = string | { tag: string; key: string | null; value: string | null };

/**
 * What a scenario's sinks wrote, in order — the twin of the oracle's Capture.java. A test driver keeps one queue
 * per output topic, so the order across topics is lost there; the value serde of every output sink notes its topic.
 * Keys and values are written as String(object): a Windowed key prints as [A@0/10], a count as 3.
 */
export class Capture {
  private order: Written[] = [];

  produced<K, V>(): Produced<K, V> {
    return Produced.with(this.serde<K>(false), this.serde<V>(true));
  }

  side(tag: string, key: string | null, value: string | null): void {
    this.order.push({ tag, key, value });
  }

  drain(): Written[] {
    const drained = this.order;
    this.order = [];
    return drained;
  }

  private serde<T>(notesOrder: boolean): Serde<T> {
    const text = Serdes.String();
    return {
      serialize: (topic, data) => {
        if (notesOrder) this.order.push(topic);
        return data === null || data === undefined ? null : text.serialize(topic, String(data));
      },
      deserialize: () => {
        throw new Error("output serdes only serialize");
      },
    };
  }
}
