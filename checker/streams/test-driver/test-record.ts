import { InvalidArgumentError } from "../errors.ts";
import type { RecordHeaders } from "../processor/record.ts";

/**
 * A record piped into or read from the test driver (Java's TestRecord). An input record without a timestamp takes
 * the input topic's clock.
 */
export class TestRecord<K, V> {
  constructor(
    readonly key: K | null,
    readonly value: V | null,
    readonly timestamp?: number,
    readonly headers: RecordHeaders = [],
  ) {
    if (timestamp !== undefined && !(timestamp >= 0)) {
      throw new InvalidArgumentError(`Invalid timestamp: ${timestamp}. Timestamp should always be non-negative or null.`);
    }
  }
}
