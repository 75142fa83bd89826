// Graders write their own records with a short-lived producer.
import type { Kafka, Message, RecordMetadata } from "kafkajs";

export async function produce(kafka: Kafka, topic: string, messages: Message[]): Promise<RecordMetadata[]> {
  const producer = kafka.producer();
  await producer.connect();
  try {
    return await producer.send({ topic, messages });
  } finally {
    await producer.disconnect();
  }
}
