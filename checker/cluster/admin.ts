// Short-lived kafkajs admin connections for looking at a cluster's membership.
import { Kafka, logLevel, type Admin, type KafkaConfig } from "kafkajs";

export async function withAdmin<T>(config: KafkaConfig, action: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = new Kafka({ connectionTimeout: 2000, requestTimeout: 5000, retry: { retries: 0 }, logLevel: logLevel.NOTHING, ...config }).admin();
  await admin.connect();
  try {
    return await action(admin);
  } finally {
    await admin.disconnect();
  }
}

export interface Membership {
  brokerIds: number[];
  controller: number | null;
}

export function describeMembership(config: KafkaConfig): Promise<Membership> {
  return withAdmin(config, async (admin) => {
    const description = await admin.describeCluster();
    return { brokerIds: description.brokers.map((b) => b.nodeId).sort(), controller: description.controller };
  });
}
