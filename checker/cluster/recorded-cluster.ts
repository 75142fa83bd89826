// What every cluster we start shares: it is described by its state-file record, so any process can re-attach.
import type { KafkaConfig } from "kafkajs";
import type { ClusterRecord } from "./state.ts";

export abstract class RecordedCluster<R extends ClusterRecord> {
  constructor(protected readonly record: R) {}

  get id() {
    return this.record.id;
  }
  get mode() {
    return this.record.mode;
  }
  get kafkaVersion() {
    return this.record.kafkaVersion;
  }
  get startedAt() {
    return new Date(this.record.startedAt);
  }
  get bootstrapServers() {
    return this.record.bootstrapServers;
  }

  clientConfig(clientId = "kafkalings"): KafkaConfig {
    return { clientId, brokers: this.bootstrapServers };
  }
}
