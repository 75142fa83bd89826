import type { Windowed } from "../windows/windowed.ts";
import type { BufferConfig, StrictBufferConfig } from "./buffer-config.ts";
import { BufferConfig as BufferConfigs } from "./buffer-config.ts";

/**
 * How long `KTable.suppress` holds back updates (Java's `Suppressed`):
 * - `untilWindowCloses(bufferConfig)`: one final result per window of a windowed KTable, once stream time reaches
 *   window end + grace (sessions: end + gap + grace); tombstones are dropped;
 * - `untilTimeLimit(ms, bufferConfig)`: the latest update per key, once stream time is `ms` past the update.
 */
export class Suppressed<K = unknown> {
  /**
   * Type only (never set): makes `suppress()` accept a Suppressed only for the keys it fits, as Java's generics do —
   * `untilWindowCloses` gives a `Suppressed<Windowed<unknown>>`, which a table of plain keys refuses at compile time.
   */
  declare readonly keyType?: (key: K) => void;

  private constructor(
    readonly name: string | undefined,
    /** "windowCloses": wait for the window's end + grace, by window end; "timeLimit": wait `timeToWaitForMoreEvents`, by record time. */
    readonly kind: "windowCloses" | "timeLimit",
    readonly bufferConfig: BufferConfig,
    readonly timeToWaitForMoreEvents: number,
  ) {}

  static untilWindowCloses(bufferConfig: StrictBufferConfig): Suppressed<Windowed<unknown>> {
    return new Suppressed<Windowed<unknown>>(undefined, "windowCloses", bufferConfig, 0);
  }

  static untilTimeLimit<K>(timeToWaitForMoreEvents: number, bufferConfig: BufferConfig): Suppressed<K> {
    return new Suppressed<K>(undefined, "timeLimit", bufferConfig, timeToWaitForMoreEvents);
  }

  /** Names the suppression processor; its buffer store is then `<name>-store`. */
  withName(name: string): Suppressed<K> {
    return new Suppressed<K>(name, this.kind, this.bufferConfig, this.timeToWaitForMoreEvents);
  }

  static readonly BufferConfig = BufferConfigs;
}
