/** A key and a value, as `map`, `flatMap` and store iterators return them (Java's `KeyValue`). */
export interface KeyValue<K, V> {
  readonly key: K;
  readonly value: V;
}

export const KeyValue = {
  pair: <K, V>(key: K, value: V): KeyValue<K, V> => ({ key, value }),
};
