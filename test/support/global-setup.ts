// Resolves Kafka's jars once before any test, and after the run makes sure no test left a JVM behind.
import { rmSync } from "node:fs";
import { ensureKafkaJars } from "../../checker/cluster/local/jars.ts";
import { TEST_ROOT } from "./paths.ts";
import { kafkaProcessesMatching } from "./processes.ts";

export async function setup(): Promise<void> {
  await ensureKafkaJars((step) => console.log(`global setup: ${step}`));
}

export async function teardown(): Promise<void> {
  const strays = kafkaProcessesMatching(TEST_ROOT);
  for (const line of strays) {
    const pid = Number.parseInt(line.trim(), 10);
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone meanwhile
    }
  }
  rmSync(TEST_ROOT, { recursive: true, force: true });
  if (strays.length > 0) {
    throw new Error(`Tests left ${strays.length} Kafka process(es) running:\n${strays.join("\n")}`);
  }
}
