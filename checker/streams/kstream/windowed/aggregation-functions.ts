/**
 * The functions a windowed aggregation runs, in Java's internal shape: reduce is an aggregation whose initializer
 * gives null and whose aggregator returns the value for a null aggregate (Java's `aggregatorFromReducer`), so the
 * aggregate may be null here.
 */
export type WindowedInitializer<VA> = () => VA | null;
export type WindowedAggregator<K, V, VA> = (key: K, value: V, aggregate: VA | null) => VA | null;
export type WindowedMerger<K, VA> = (key: K, aggregate1: VA | null, aggregate2: VA | null) => VA | null;

/** Java's `GroupedStreamAggregateBuilder.countInitializer` / `countAggregator` (a null value is counted too). */
export const countInitializer: WindowedInitializer<number> = () => 0;
export const countAggregator: WindowedAggregator<unknown, unknown, number> = (_key, _value, count) => count! + 1;

/** Java's `aggregatorFromReducer`: the first value is the aggregate. */
export function aggregatorFromReducer<K, V>(reducer: (aggregate: V, value: V) => V): WindowedAggregator<K, V, V> {
  return (_key, value, aggregate) => (aggregate === null || aggregate === undefined ? value : reducer(aggregate, value));
}
