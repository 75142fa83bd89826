import { InvalidArgumentError } from "../../errors.ts";
import type { InMemorySessionStore } from "../../state/session-store.ts";
import type { FluentStoreBuilder } from "../../state/stores.ts";
import type { InMemoryTimestampedWindowStore } from "../../state/timestamped-window-store.ts";
import { WindowStores } from "../../state/window-stores.ts";
import type { StateStore } from "../../state/store.ts";
import type { NamedMaterialized } from "../internals/materialized-internal.ts";
import type { SessionWindows } from "../windows/session-windows.ts";
import type { SlidingWindows } from "../windows/sliding-windows.ts";
import type { TimeWindows } from "../windows/time-windows.ts";
import type { EmitStrategy } from "./emit-strategy.ts";

/**
 * Logging and caching as the user's Materialized says (Java's `MaterializedStoreFactory` subclasses); the sliding and
 * session materializers also turn caching off for `emitStrategy(onWindowClose())`.
 */
function configured<S extends StateStore>(builder: FluentStoreBuilder<S>, materialized: NamedMaterialized<unknown, unknown>, cachingAllowed = true): FluentStoreBuilder<S> {
  if (materialized.loggingEnabled) builder.withLoggingEnabled(materialized.topicConfig);
  else builder.withLoggingDisabled();
  if (materialized.cachingEnabled && cachingAllowed) builder.withCachingEnabled();
  return builder;
}

/**
 * Java's `WindowStoreMaterializer`: retention defaults to size + grace, and a user retention below that is refused
 * when the DSL call is made.
 */
export function timeWindowStoreBuilder<K, V>(materialized: NamedMaterialized<K, V>, windows: TimeWindows): FluentStoreBuilder<InMemoryTimestampedWindowStore<K, V>> {
  const retention = materialized.retentionMs ?? windows.size() + windows.gracePeriodMs();
  if (windows.size() + windows.gracePeriodMs() > retention) {
    throw new InvalidArgumentError(
      `The retention period of the window store ${materialized.storeName} must be no smaller than its window size plus the grace period. Got size=[${windows.size()}], grace=[${windows.gracePeriodMs()}], retention=[${retention}]`,
    );
  }
  const spec = WindowStores.inMemoryWindowStore(materialized.storeName, retention, windows.size(), false);
  return configured(WindowStores.timestampedWindowStoreBuilder(spec, materialized.keySerde, materialized.valueSerde), materialized);
}

/**
 * Java's `SlidingWindowStoreMaterializer`: a record can update windows up to 2 × time difference back, so retention
 * defaults to 2 × time difference + grace; windows are stored with size = time difference.
 */
export function slidingWindowStoreBuilder<K, V>(
  materialized: NamedMaterialized<K, V>,
  windows: SlidingWindows,
  emitStrategy: EmitStrategy,
): FluentStoreBuilder<InMemoryTimestampedWindowStore<K, V>> {
  const difference = windows.timeDifferenceMs();
  const retention = materialized.retentionMs ?? windows.gracePeriodMs() + 2 * difference;
  if (difference * 2 + windows.gracePeriodMs() > retention) {
    throw new InvalidArgumentError(
      `The retention period of the window store ${materialized.storeName} must be no smaller than 2 * time difference plus the grace period. Got time difference=[${difference}], grace=[${windows.gracePeriodMs()}], retention=[${retention}]`,
    );
  }
  const spec = WindowStores.inMemoryWindowStore(materialized.storeName, retention, difference, false);
  return configured(WindowStores.timestampedWindowStoreBuilder(spec, materialized.keySerde, materialized.valueSerde), materialized, !emitStrategy.emitsOnClose);
}

/** Java's `SessionStoreMaterializer`: retention defaults to gap + grace. */
export function sessionStoreBuilder<K, V>(materialized: NamedMaterialized<K, V>, windows: SessionWindows, emitStrategy: EmitStrategy): FluentStoreBuilder<InMemorySessionStore<K, V>> {
  const retention = materialized.retentionMs ?? windows.inactivityGap() + windows.gracePeriodMs();
  if (windows.inactivityGap() + windows.gracePeriodMs() > retention) {
    throw new InvalidArgumentError(
      `The retention period of the session store ${materialized.storeName} must be no smaller than the session inactivity gap plus the grace period. Got gap=[${windows.inactivityGap()}], grace=[${windows.gracePeriodMs()}], retention=[${retention}]`,
    );
  }
  const spec = WindowStores.inMemorySessionStore(materialized.storeName, retention);
  return configured(WindowStores.sessionStoreBuilder(spec, materialized.keySerde, materialized.valueSerde), materialized, !emitStrategy.emitsOnClose);
}
