import { StreamsError } from "../errors.ts";
import type { Processor } from "../processor/api.ts";
import type { StreamRecord } from "../processor/record.ts";
import { resolveSerde, type Serde } from "../serdes.ts";
import type { SinkNode } from "../topology/nodes.ts";
import { NodeContext, type ChildNode, type TaskEnvironment } from "./node-context.ts";
import type { RecordCollector } from "./record-collector.ts";
import { withCause } from "./with-cause.ts";

/** A user processor failed: carries the failing node's name up to the task (Java's FailedProcessingException). */
export class FailedProcessingError extends Error {
  constructor(
    readonly nodeName: string,
    override readonly cause: unknown,
  ) {
    super(`Processor ${nodeName} failed`);
    this.name = "FailedProcessingError";
  }
}

/** One node instantiated for one task. */
export interface TaskNode extends ChildNode {
  /** Children, filled once every node of the task exists. */
  readonly children: TaskNode[];
  init(): void;
  close(): void;
}

/** Hands each record to its children unchanged (Java's SourceNode; deserialization happens in the task). */
export class SourceTaskNode implements TaskNode {
  readonly children: TaskNode[] = [];
  private readonly context: NodeContext;

  constructor(
    readonly name: string,
    environment: TaskEnvironment,
  ) {
    this.context = new NodeContext(environment, name, this.children);
  }

  init(): void {}

  process(record: StreamRecord<unknown, unknown>): void {
    this.context.forward(record);
  }

  close(): void {}
}

/** Runs one Processor instance; any error it throws is pinned to this node. */
export class ProcessorTaskNode implements TaskNode {
  readonly children: TaskNode[] = [];
  private readonly context: NodeContext;

  constructor(
    readonly name: string,
    private readonly processor: Processor<unknown, unknown, unknown, unknown>,
    environment: TaskEnvironment,
  ) {
    this.context = new NodeContext(environment, name, this.children);
  }

  init(): void {
    try {
      this.processor.init?.(this.context);
    } catch (error) {
      throw withCause(new StreamsError(`failed to initialize processor ${this.name}`), error);
    }
  }

  process(record: StreamRecord<unknown, unknown>): void {
    try {
      this.processor.process(record);
    } catch (error) {
      if (error instanceof FailedProcessingError) throw error;
      throw new FailedProcessingError(this.name, error);
    }
  }

  close(): void {
    try {
      this.processor.close?.();
    } catch (error) {
      throw withCause(new StreamsError(`failed to close processor ${this.name}`), error);
    }
  }
}

export interface SinkSettings {
  readonly applicationId: string;
  readonly collector: RecordCollector;
  readonly defaultKeySerde: Serde<unknown>;
  readonly defaultValueSerde: Serde<unknown>;
  /** A static topic's real name (internal topics get the application id prefix). */
  readonly resolveTopic: (topic: string) => string;
}

/** Serializes with the sink's serdes (else the defaults) and hands the record to the collector (Java's SinkNode). */
export class SinkTaskNode implements TaskNode {
  readonly children: TaskNode[] = [];

  constructor(
    private readonly node: SinkNode,
    private readonly settings: SinkSettings,
  ) {}

  get name(): string {
    return this.node.name;
  }

  init(): void {}

  process(record: StreamRecord<unknown, unknown>): void {
    const { key, value, timestamp, headers } = record;
    const topic = typeof this.node.topic === "string" ? this.settings.resolveTopic(this.node.topic) : this.node.topic(key, value);
    const partition = this.node.partitioner?.(key, value, this.settings.collector.partitionsFor(topic));
    const serialize = (serde: Serde<unknown>, data: unknown): Buffer | null => {
      try {
        return serde.serialize(topic, data);
      } catch (error) {
        throw withCause(new StreamsError(`Unable to serialize record. ProducerRecord(topic=[${topic}], partition=[${partition ?? null}], timestamp=[${timestamp}]`), error);
      }
    };
    const defaults = { key: this.settings.defaultKeySerde, value: this.settings.defaultValueSerde };
    const keyBytes = serialize(resolveSerde(this.node.keySerde, defaults, "key"), key);
    const valueBytes = serialize(resolveSerde(this.node.valueSerde, defaults, "value"), value);
    this.settings.collector.send({ topic, partition, key: keyBytes, value: valueBytes, timestamp, headers });
  }

  close(): void {}
}
