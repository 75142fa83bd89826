/** Errors thrown by the Streams DSL and runtime; names and messages follow Java's where Java has one. */
export class StreamsError extends Error {
  readonly retriable: boolean = false;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A topology that cannot run: Java's `org.apache.kafka.streams.errors.TopologyException` ("Invalid topology: …"). */
export class TopologyException extends StreamsError {
  constructor(detail: string) {
    super(`Invalid topology: ${detail}`);
  }
}

/** A bad argument to a DSL method (negative window size, advance larger than size…): Java's IllegalArgumentException. */
export class InvalidArgumentError extends StreamsError {}

/** A call in the wrong state (grace() after ofSizeAndGrace, start() twice…): Java's IllegalStateException. */
export class IllegalStateError extends StreamsError {}
