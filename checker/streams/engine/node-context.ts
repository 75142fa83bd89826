import { InvalidArgumentError, StreamsError } from "../errors.ts";
import type { ProcessorContext } from "../processor/api.ts";
import type { RecordHeaders, RecordOrigin, StreamRecord } from "../processor/record.ts";
import type { StateStore } from "../state/store.ts";
import { withCause } from "./with-cause.ts";

/** The record being processed, as processors and stores see it (Java's ProcessorRecordContext). */
export interface RecordContext {
  readonly origin: RecordOrigin | undefined;
  readonly timestamp: number;
  readonly headers: RecordHeaders;
}

/** What every node of a task shares: ids, the current record context, and store access rules. */
export interface TaskEnvironment {
  readonly applicationId: string;
  readonly taskId: string;
  recordContext: RecordContext | undefined;
  /** The store `storeName` as `nodeName` may see it; throws when the node has no access. */
  storeFor(nodeName: string, storeName: string): StateStore;
}

/** A node as its parent forwards to it. */
export interface ChildNode {
  readonly name: string;
  process(record: StreamRecord<unknown, unknown>): void;
}

/**
 * The ProcessorContext of one node. Forwarding runs the children synchronously, in the order they were added
 * (depth first), with the record context's timestamp and headers set to the forwarded record's, as Java does.
 */
export class NodeContext implements ProcessorContext<unknown, unknown> {
  constructor(
    private readonly environment: TaskEnvironment,
    private readonly nodeName: string,
    private readonly children: readonly ChildNode[],
  ) {}

  get applicationId(): string {
    return this.environment.applicationId;
  }

  get taskId(): string {
    return this.environment.taskId;
  }

  get recordOrigin(): RecordOrigin | undefined {
    return this.environment.recordContext?.origin;
  }

  forward<K, V>(record: StreamRecord<K, V>, childName?: string): void {
    // Java's Record constructor rejects negative timestamps.
    if (!(record.timestamp >= 0)) {
      throw withCause(new StreamsError("Malformed Record"), new InvalidArgumentError(`Timestamp may not be negative. Got: ${record.timestamp}`));
    }
    const targets = childName === undefined ? this.children : [this.child(childName)];
    const previous = this.environment.recordContext;
    this.environment.recordContext = { origin: previous?.origin, timestamp: record.timestamp, headers: record.headers };
    try {
      for (const child of targets) child.process(record);
    } finally {
      this.environment.recordContext = previous;
    }
  }

  getStateStore<S extends StateStore>(name: string): S {
    return this.environment.storeFor(this.nodeName, name) as S;
  }

  private child(name: string): ChildNode {
    const child = this.children.find((candidate) => candidate.name === name);
    if (!child) throw new StreamsError(`Unknown downstream node: ${name} either does not exist or is not connected to this processor.`);
    return child;
  }
}
