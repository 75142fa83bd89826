// The small, typed context a learner's exercise code receives. Exercises import only this, kafkajs and
// (later) kafkalings/streams — never the checker's internals.
import { logLevel, type KafkaConfig } from "kafkajs";

export interface ExerciseContext {
  /** Settings for `new Kafka(ctx.kafka)`: the practice cluster's brokers and a client id. */
  readonly kafka: KafkaConfig;
  /** The name to use for a topic in this run; every grading run gets its own, so runs never collide. */
  topic(name: string): string;
  /** The consumer group id to use in this run. */
  groupId(name: string): string;
}

export interface ContextSettings {
  brokers: string[];
  runId: string;
  /** Extra client settings (SSL/SASL) for an external cluster. */
  client?: Omit<KafkaConfig, "brokers">;
}

/** Names carry the run id, so the grader can find, inspect and delete everything a run created. */
export function namespaced(runId: string, name: string): string {
  return `kl-${runId}-${name}`;
}

export function createExerciseContext(settings: ContextSettings): ExerciseContext {
  return {
    kafka: { clientId: `kafkalings-${settings.runId}`, logLevel: logLevel.NOTHING, ...settings.client, brokers: settings.brokers },
    topic: (name) => namespaced(settings.runId, name),
    groupId: (name) => namespaced(settings.runId, name),
  };
}
