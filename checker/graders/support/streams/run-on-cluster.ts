// The learner's topology with KafkaStreams on the real cluster (record cache 0, so every update is written, as in
// the test driver): the inputs are written, and the run ends once the application has committed all of them,
// through every repartition topic.
import { Kafka, Partitioners, type Admin } from "kafkajs";
import { pollUntil } from "../../../cluster/wait.ts";
import type { ExerciseContext } from "../../../context.ts";
import { KafkaStreams, StreamThreadExceptionResponse, type StreamsConfig, type Topology } from "../../../streams/index.ts";
import { shortName } from "./names.ts";
import type { ClusterRun, HarnessRequest, TopicRecord } from "./records.ts";

const PROCESSING_TIMEOUT_MS = 30_000;

export async function runOnCluster(topology: Topology, ctx: ExerciseContext, request: Extract<HarnessRequest, { mode: "cluster" }>): Promise<ClusterRun> {
  const applicationId = ctx.groupId(request.applicationId);
  const kafka = new Kafka(ctx.kafka);
  const admin = kafka.admin();
  // Java's partitioner (murmur2), as KafkaStreams uses: a key lands in the same partition of every topic.
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true, maxInFlightRequests: 1 });
  let failure: Error | undefined;
  const config: StreamsConfig = {
    "application.id": applicationId,
    "bootstrap.servers": ctx.kafka.brokers as string[],
    "statestore.cache.max.bytes": 0,
    "commit.interval.ms": 100,
  };
  await Promise.all([admin.connect(), producer.connect()]);
  let streams: KafkaStreams | undefined;
  try {
    streams = await start(topology, config, (error) => (failure = error));
    const internal = (await admin.listTopics()).filter((topic) => topic.startsWith(`${applicationId}-`));
    const sources = [...new Set(request.inputs.map((input) => ctx.topic(input.topic))), ...internal.filter((topic) => topic.endsWith("-repartition"))];
    const batches = request.stepwise ? request.inputs.map((input) => [input]) : [request.inputs];
    for (const batch of batches) {
      for (const input of batch) await send(producer, ctx, input);
      await allProcessed(admin, applicationId, sources, () => failure);
    }
    return { internalTopics: internal.map((topic) => shortName(ctx, applicationId, topic)).sort() };
  } finally {
    await streams?.close().catch(() => undefined);
    await Promise.all([producer.disconnect(), admin.disconnect()]);
  }
}

/** Starts the application; errors of its stream thread go to `onFailure`. */
async function start(topology: Topology, config: StreamsConfig, onFailure: (error: Error) => void): Promise<KafkaStreams> {
  const streams = new KafkaStreams(topology, config);
  streams.setUncaughtExceptionHandler((error) => {
    onFailure(error);
    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
  });
  try {
    await streams.start();
    return streams;
  } catch (error) {
    await streams.close().catch(() => undefined);
    throw error;
  }
}

function send(producer: ReturnType<Kafka["producer"]>, ctx: ExerciseContext, input: TopicRecord) {
  return producer.send({ topic: ctx.topic(input.topic), acks: -1, messages: [{ key: input.key, value: input.value, timestamp: String(input.timestamp) }] });
}

/**
 * Waits until the application's group has committed every record of its source topics. Committed offsets are read
 * before the ends: a record written upstream of a commit is then always among the ends read, so one check suffices.
 */
async function allProcessed(admin: Admin, groupId: string, topics: string[], failure: () => Error | undefined): Promise<void> {
  await pollUntil(
    async () => {
      const fatal = failure();
      if (fatal) throw fatal;
      const committed = await admin.fetchOffsets({ groupId, topics });
      for (const topic of topics) {
        const ends = await admin.fetchTopicOffsets(topic);
        const offsets = committed.find((entry) => entry.topic === topic)?.partitions ?? [];
        for (const { partition, high } of ends) {
          const offset = Number(offsets.find((entry) => entry.partition === partition)?.offset ?? -1);
          if (Number(high) > 0 && offset < Number(high)) return false;
        }
      }
      return true;
    },
    { timeoutMs: PROCESSING_TIMEOUT_MS, intervalMs: 50, description: `the application to process every record of ${topics.join(", ")}`, isFatal: (error) => error === failure() },
  );
}
