// The Java half of `npm run bench:streams`: Bench.java (Java's TopologyTestDriver) and JavaStreamsCount.java (Java
// Kafka Streams on the cluster). Their doc comments give the exact topologies and inputs to mirror in TypeScript.
import { z } from "zod";
import { runJavaMain } from "./oracle.ts";

const DriverBenchSchema = z.object({
  oracle: z.string(),
  records: z.number(),
  warmUpRecords: z.number(),
  results: z.array(z.object({ topology: z.enum(["stateless-chain", "tumbling-count", "stream-stream-join"]), records: z.number(), outputs: z.number(), ms: z.number(), recordsPerSecond: z.number() })),
});
export type JavaDriverBench = z.infer<typeof DriverBenchSchema>;

const StreamsCountSchema = z.object({
  oracle: z.string(),
  records: z.number(),
  cacheMaxBytes: z.number(),
  commitIntervalMs: z.number(),
  counted: z.number(),
  totalMs: z.number(),
  recordsPerSecond: z.number(),
  processingMs: z.number(),
  processingRecordsPerSecond: z.number(),
  error: z.string().optional(),
});
export type JavaStreamsCountResult = z.infer<typeof StreamsCountSchema>;

function lastJsonLine(stdout: string): unknown {
  const lines = stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1] ?? "null");
}

/** Java's TopologyTestDriver on the three bench topologies, `records` inputs each (after a warm-up run). */
export async function benchJavaDriver(records: number, warmUpRecords?: number): Promise<JavaDriverBench> {
  const args = warmUpRecords === undefined ? [String(records)] : [String(records), String(warmUpRecords)];
  return DriverBenchSchema.parse(lastJsonLine(await runJavaMain("dev.kafkalings.oracle.Bench", args)));
}

/** Java Kafka Streams counting per key the `records` records already in `topic` (String keys, none null). */
export async function benchJavaStreamsCount(options: { bootstrapServers: string; topic: string; records: number; cacheMaxBytes?: number; timeoutSeconds?: number }): Promise<JavaStreamsCountResult> {
  const args = [options.bootstrapServers, options.topic, String(options.records), String(options.cacheMaxBytes ?? 0), String(options.timeoutSeconds ?? 120)];
  return StreamsCountSchema.parse(lastJsonLine(await runJavaMain("dev.kafkalings.oracle.JavaStreamsCount", args)));
}
