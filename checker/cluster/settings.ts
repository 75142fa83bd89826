// The one place that knows versions, well-known ports, paths and environment switches of the cluster.
import { homedir } from "node:os";
import { join } from "node:path";

/** The last Apache Kafka line that runs both ZooKeeper and KRaft. */
export const KAFKA_VERSION = "3.9.2";
export const SCALA_VERSION = "2.13";
export const MIN_JAVA_MAJOR = 17;

/** Ports the docs and the course use, taken when free so copied commands just work. */
export const WELL_KNOWN_PORTS = {
  zookeeper: 2181,
  brokers: [9092, 9093, 9094],
  controllers: [19093, 19094, 19095],
} as const;

export const BROKER_IDS = [1, 2, 3] as const;

export const DOCKER_IMAGES = {
  zookeeper: process.env.KAFKALINGS_ZOOKEEPER_IMAGE ?? "confluentinc/cp-zookeeper:7.9.1",
  kafka: process.env.KAFKALINGS_KAFKA_IMAGE ?? "confluentinc/cp-kafka:7.9.1",
};

/** Per-user cache: resolved jars live here, shared by every checkout and test run. */
export function cacheDir(): string {
  if (process.env.KAFKALINGS_CACHE_DIR) return process.env.KAFKALINGS_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache");
  return join(base, "kafkalings");
}

/** Where the running cluster is recorded and where its data and logs live. */
export function stateDir(): string {
  return process.env.KAFKALINGS_STATE_DIR ?? join(cacheDir(), "state");
}

export function jarsDir(): string {
  return join(cacheDir(), `kafka-${KAFKA_VERSION}`, "lib");
}
