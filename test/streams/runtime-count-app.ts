// A Kafka Streams application in its own process, for the kill-and-restart test: counts records per key from
// $INPUT into $OUTPUT. Prints "STATE <state>" on every change; SIGTERM closes it cleanly.
import { KafkaStreams, StreamsBuilder, type ProcessingGuarantee } from "../../checker/streams/index.ts";

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const builder = new StreamsBuilder();
builder.stream<string, string>(env("INPUT")).groupByKey().count().toStream().to(env("OUTPUT"));

const streams = new KafkaStreams(builder.build(), {
  "application.id": env("APPLICATION_ID"),
  "bootstrap.servers": env("BOOTSTRAP"),
  "processing.guarantee": env("GUARANTEE") as ProcessingGuarantee,
  "statestore.cache.max.bytes": 0,
  "commit.interval.ms": 100,
  // A killed instance stays in the group until its session expires; the restarted one waits for that.
  "consumer.session.timeout.ms": 6_000,
  "consumer.heartbeat.interval.ms": 1_000,
});
streams.setStateListener((state) => console.log(`STATE ${state}`));
process.once("SIGTERM", () => {
  void streams.close().then(() => process.exit(0));
});
await streams.start();
