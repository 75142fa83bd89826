import type { KeyValue } from "../../keyvalue.ts";
import type { Processor, ProcessorContext, ProcessorSupplier } from "../../processor/api.ts";
import { withKeyValue, type StreamRecord } from "../../processor/record.ts";

/**
 * The record-at-a-time processors behind KStream's stateless operators (Java's KStreamFilter, KStreamMap,
 * KStreamMapValues, KStreamFlatMap, KStreamFlatMapValues, KStreamPeek, ForeachProcessor, PassThrough, KStreamBranch).
 * None of them looks at null keys or values: the user's function decides. Timestamps and headers pass through.
 */
function forwarding<KIn, VIn, KOut, VOut>(
  process: (record: StreamRecord<KIn, VIn>, context: ProcessorContext<KOut, VOut>) => void,
): ProcessorSupplier<KIn, VIn, KOut, VOut> {
  return () => {
    let context: ProcessorContext<KOut, VOut>;
    return {
      init: (processorContext) => {
        context = processorContext;
      },
      process: (record) => process(record, context),
    } satisfies Processor<KIn, VIn, KOut, VOut>;
  };
}

export function filterProcessor<K, V>(predicate: (key: K, value: V) => boolean, filterNot: boolean): ProcessorSupplier<K, V> {
  return forwarding<K, V, K, V>((record, context) => {
    if (filterNot !== predicate(record.key, record.value)) context.forward(record);
  });
}

export function mapProcessor<K, V, K2, V2>(mapper: (key: K, value: V) => KeyValue<K2, V2>): ProcessorSupplier<K, V, K2, V2> {
  return forwarding<K, V, K2, V2>((record, context) => {
    const pair = mapper(record.key, record.value);
    context.forward(withKeyValue(record, pair.key, pair.value));
  });
}

export function selectKeyProcessor<K, V, K2>(mapper: (key: K, value: V) => K2): ProcessorSupplier<K, V, K2, V> {
  return forwarding<K, V, K2, V>((record, context) => {
    context.forward(withKeyValue(record, mapper(record.key, record.value), record.value));
  });
}

export function mapValuesProcessor<K, V, V2>(mapper: (value: V, key: K) => V2): ProcessorSupplier<K, V, K, V2> {
  return forwarding<K, V, K, V2>((record, context) => {
    context.forward(withKeyValue(record, record.key, mapper(record.value, record.key)));
  });
}

export function flatMapProcessor<K, V, K2, V2>(mapper: (key: K, value: V) => Iterable<KeyValue<K2, V2>>): ProcessorSupplier<K, V, K2, V2> {
  return forwarding<K, V, K2, V2>((record, context) => {
    for (const pair of mapper(record.key, record.value)) context.forward(withKeyValue(record, pair.key, pair.value));
  });
}

export function flatMapValuesProcessor<K, V, V2>(mapper: (value: V, key: K) => Iterable<V2>): ProcessorSupplier<K, V, K, V2> {
  return forwarding<K, V, K, V2>((record, context) => {
    for (const value of mapper(record.value, record.key)) context.forward(withKeyValue(record, record.key, value));
  });
}

export function peekProcessor<K, V>(action: (key: K, value: V) => void): ProcessorSupplier<K, V> {
  return forwarding<K, V, K, V>((record, context) => {
    action(record.key, record.value);
    context.forward(record);
  });
}

export function foreachProcessor<K, V>(action: (key: K, value: V) => void): ProcessorSupplier<K, V, never, never> {
  return () => ({ process: (record) => action(record.key, record.value) });
}

export function passThroughProcessor<K, V>(): ProcessorSupplier<K, V> {
  return forwarding<K, V, K, V>((record, context) => context.forward(record));
}

/**
 * `split()`: the first matching predicate's child gets the record; the default branch (if any) is the child after the
 * predicates' ones. `predicates` and `childNames` are filled as branches are added (shared by reference, as in Java).
 */
export function branchProcessor<K, V>(predicates: ReadonlyArray<(key: K, value: V) => boolean>, childNames: readonly string[]): ProcessorSupplier<K, V> {
  return forwarding<K, V, K, V>((record, context) => {
    const matched = predicates.findIndex((predicate) => predicate(record.key, record.value));
    const child = matched >= 0 ? childNames[matched] : childNames[predicates.length];
    if (child !== undefined) context.forward(record, child);
  });
}
