/** What a full suppression buffer does (Java's `BufferFullStrategy`). */
export type BufferFullStrategy = "EMIT" | "SHUT_DOWN";

const UNLIMITED = Number.MAX_SAFE_INTEGER;

/** A limit as Java prints it: "no limit" is Long.MAX_VALUE there. */
export function formatLimit(limit: number): string {
  return limit === UNLIMITED ? "9223372036854775807" : String(limit);
}

/**
 * How much a suppression buffers (Java's `Suppressed.BufferConfig`): a record and a byte limit, what happens when
 * either is exceeded, and whether the buffer is logged to a changelog (on by default; `null` config = disabled).
 */
abstract class BufferConfigBase<Self extends BufferConfigBase<Self>> {
  constructor(
    readonly maxRecords: number,
    readonly maxBytes: number,
    readonly bufferFullStrategy: BufferFullStrategy,
    /** Changelog topic configs; null when logging is disabled. */
    readonly logConfig: Readonly<Record<string, string>> | null,
  ) {}

  protected abstract copy(maxRecords: number, maxBytes: number, logConfig: Readonly<Record<string, string>> | null): Self;

  /**
   * Java's `logConfig()`: the configs, or an empty map when logging is disabled. Java builds the other kind of buffer
   * config (and changes a strict one's limits) from this, so those calls turn a disabled changelog back on
   * (Java 4.4.0 does this, looks like a bug, no KAFKA ticket found; `withLoggingDisabled()` should come last).
   */
  protected loggingConfigOrEmpty(): Readonly<Record<string, string>> {
    return this.logConfig ?? {};
  }

  abstract withMaxRecords(recordLimit: number): Self;
  abstract withMaxBytes(byteLimit: number): Self;

  /** No limit at all (Java: the application shuts down if memory runs out). */
  withNoBound(): StrictBufferConfig {
    return new StrictBufferConfig(UNLIMITED, UNLIMITED, "SHUT_DOWN", this.loggingConfigOrEmpty());
  }

  /** Stop the application with an error when the buffer is full: no result is ever emitted early. */
  shutDownWhenFull(): StrictBufferConfig {
    return new StrictBufferConfig(this.maxRecords, this.maxBytes, "SHUT_DOWN", this.loggingConfigOrEmpty());
  }

  /** Emit the oldest buffered records early when the buffer is full. */
  emitEarlyWhenFull(): EagerBufferConfig {
    return new EagerBufferConfig(this.maxRecords, this.maxBytes, "EMIT", this.loggingConfigOrEmpty());
  }

  withLoggingDisabled(): Self {
    return this.copy(this.maxRecords, this.maxBytes, null);
  }

  withLoggingEnabled(config: Readonly<Record<string, string>>): Self {
    return this.copy(this.maxRecords, this.maxBytes, { ...config });
  }

  get isLoggingEnabled(): boolean {
    return this.logConfig !== null;
  }
}

/** A buffer that never emits early (Java's `StrictBufferConfig`): the only kind `untilWindowCloses` accepts. */
export class StrictBufferConfig extends BufferConfigBase<StrictBufferConfig> {
  withMaxRecords(recordLimit: number): StrictBufferConfig {
    return this.copy(recordLimit, this.maxBytes, this.loggingConfigOrEmpty());
  }

  withMaxBytes(byteLimit: number): StrictBufferConfig {
    return this.copy(this.maxRecords, byteLimit, this.loggingConfigOrEmpty());
  }

  protected copy(maxRecords: number, maxBytes: number, logConfig: Readonly<Record<string, string>> | null): StrictBufferConfig {
    return new StrictBufferConfig(maxRecords, maxBytes, this.bufferFullStrategy, logConfig);
  }
}

/** A buffer that emits its oldest records early when full (Java's `EagerBufferConfig`). */
export class EagerBufferConfig extends BufferConfigBase<EagerBufferConfig> {
  withMaxRecords(recordLimit: number): EagerBufferConfig {
    return this.copy(recordLimit, this.maxBytes, this.logConfig);
  }

  withMaxBytes(byteLimit: number): EagerBufferConfig {
    return this.copy(this.maxRecords, byteLimit, this.logConfig);
  }

  protected copy(maxRecords: number, maxBytes: number, logConfig: Readonly<Record<string, string>> | null): EagerBufferConfig {
    return new EagerBufferConfig(maxRecords, maxBytes, "EMIT", logConfig);
  }
}

export type BufferConfig = StrictBufferConfig | EagerBufferConfig;

/** Java's `Suppressed.BufferConfig` factories. */
export const BufferConfig = {
  /** At most `recordLimit` records; emits early when full. */
  maxRecords: (recordLimit: number): EagerBufferConfig => new EagerBufferConfig(recordLimit, UNLIMITED, "EMIT", {}),
  /** At most `byteLimit` bytes (Java's size estimate); emits early when full. */
  maxBytes: (byteLimit: number): EagerBufferConfig => new EagerBufferConfig(UNLIMITED, byteLimit, "EMIT", {}),
  /** No limit; the only way to get exactly one final result per window without risking an early one. */
  unbounded: (): StrictBufferConfig => new StrictBufferConfig(UNLIMITED, UNLIMITED, "SHUT_DOWN", {}),
};
