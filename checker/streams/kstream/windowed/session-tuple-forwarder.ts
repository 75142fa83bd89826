import type { ProcessorContext } from "../../processor/api.ts";
import type { Change, RecordHeaders } from "../../processor/record.ts";
import type { InMemorySessionStore } from "../../state/session-store.ts";
import type { Windowed } from "../windows/windowed.ts";

/**
 * How the session aggregate forwards (Java's `TimestampedTupleForwarder` with a `SessionCacheFlushListener`): every
 * record is timestamped with its session's end and carries no headers (Java builds a new Record). When the store
 * caches, its flush listener forwards instead; old values are stripped unless a downstream operator asked for them.
 */
export class SessionTupleForwarder<K, VA> {
  private readonly cachingEnabled: boolean;

  constructor(
    store: Pick<InMemorySessionStore<K, VA>, "setFlushListener">,
    private readonly context: ProcessorContext<Windowed<K>, Change<VA>>,
    private readonly sendOldValues: boolean,
  ) {
    this.cachingEnabled = store.setFlushListener((record) => {
      context.forward({ ...record, timestamp: record.key.window().end() });
    }, sendOldValues);
  }

  maybeForward(sessionKey: Windowed<K>, newAgg: VA | null, oldAgg: VA | null): void {
    if (this.cachingEnabled) return;
    this.context.forward({
      key: sessionKey,
      value: { newValue: newAgg, oldValue: this.sendOldValues ? oldAgg : null },
      timestamp: sessionKey.window().end(),
      headers: [],
    });
  }

  /** A closed session's final result (emitStrategy onWindowClose): Java keeps the closing record's headers here. */
  forwardFinal(sessionKey: Windowed<K>, aggregate: VA | null, headers: RecordHeaders): void {
    this.context.forward({ key: sessionKey, value: { newValue: aggregate, oldValue: null }, timestamp: sessionKey.window().end(), headers });
  }
}
