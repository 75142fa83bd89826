// A producer that keeps records flowing into every partition of a topic at a steady pace while a grader
// changes things around the learner's consumers.
import { Partitioners, type Kafka } from "kafkajs";

export interface Feeder {
  /** How many records were written so far. */
  sent(): number;
  /** Stops feeding; resolves once the last send finished. Rethrows a send that failed. */
  stop(): Promise<void>;
}

/** Every `everyMs`, one record to each of the topic's `partitions`, keyed `<prefix>-<partition>-<n>` (unique). */
export async function startFeeding(kafka: Kafka, topic: string, partitions: number, everyMs: number, prefix = "item"): Promise<Feeder> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  let written = 0;
  let next = 0;
  let failure: unknown;
  // One send at a time, in order: a tick that finds the previous send still going queues behind it.
  let last: Promise<void> = Promise.resolve();
  const tick = () => {
    const n = next++;
    const messages = Array.from({ length: partitions }, (_, partition) => ({ partition, key: `${prefix}-${partition}-${n}`, value: JSON.stringify({ n }) }));
    last = last.then(async () => {
      if (failure) return;
      await producer.send({ topic, messages }).then(
        () => void (written += messages.length),
        (error: unknown) => void (failure = error),
      );
    });
  };
  const timer = setInterval(tick, everyMs);
  return {
    sent: () => written,
    stop: async () => {
      clearInterval(timer);
      await last;
      await producer.disconnect();
      if (failure) throw failure;
    },
  };
}
