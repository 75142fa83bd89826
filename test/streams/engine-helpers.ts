// Small hand-written processors and a capturing collector for the engine tests: no DSL, just the graph builder.
import type { ProducedRecord, RecordCollector } from "../../checker/streams/engine/record-collector.ts";
import type { Processor, ProcessorContext } from "../../checker/streams/processor/api.ts";
import type { StreamRecord } from "../../checker/streams/processor/record.ts";

/** A processor that logs `<name>:<value>` and passes the record on to all its children. */
export function logging(name: string, log: string[]): () => Processor<unknown, unknown> {
  return () => {
    let context: ProcessorContext<unknown, unknown>;
    return {
      init: (ctx) => {
        context = ctx;
      },
      process: (record) => {
        log.push(`${name}:${String(record.value)}`);
        context.forward(record);
      },
    };
  };
}

/** A processor that forwards each record `copies` times, with `#n` appended to the value. */
export function fanOut(copies: number): () => Processor<unknown, unknown> {
  return () => {
    let context: ProcessorContext<unknown, unknown>;
    return {
      init: (ctx) => {
        context = ctx;
      },
      process: (record) => {
        for (let copy = 1; copy <= copies; copy++) context.forward({ ...record, value: `${String(record.value)}#${copy}` });
      },
    };
  };
}

/** A processor that runs `body` with its context. */
export function custom(body: (record: StreamRecord<unknown, unknown>, context: ProcessorContext<unknown, unknown>) => void): () => Processor<unknown, unknown> {
  return () => {
    let context: ProcessorContext<unknown, unknown>;
    return {
      init: (ctx) => {
        context = ctx;
      },
      process: (record) => body(record, context),
    };
  };
}

export class CapturingCollector implements RecordCollector {
  readonly records: ProducedRecord[] = [];

  send(record: ProducedRecord): void {
    this.records.push(record);
  }

  partitionsFor(): number {
    return 4;
  }

  /** `topic key=value@ts` lines, strings decoded as UTF-8. */
  lines(): string[] {
    return this.records.map((record) => `${record.topic} ${record.key?.toString() ?? "null"}=${record.value?.toString() ?? "null"}@${record.timestamp}`);
  }
}

export function bytes(text: string | null): Buffer | null {
  return text === null ? null : Buffer.from(text, "utf8");
}
