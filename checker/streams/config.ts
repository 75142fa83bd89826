import { InvalidArgumentError } from "./errors.ts";
import { failOnInvalidTimestamp } from "./engine/timestamp-extractors.ts";
import { Serdes, type Serde } from "./serdes.ts";
import type { TimestampExtractor } from "./topology/nodes.ts";

export type ProcessingGuarantee = "at_least_once" | "exactly_once_v2";

/** Client prefixes Java passes through to the embedded clients (`producer.linger.ms`, `consumer.max.poll.records`…). */
type ClientPrefix = "producer" | "consumer" | "main.consumer" | "restore.consumer" | "global.consumer" | "admin";

/**
 * Kafka Streams configuration with Java's key strings (`StreamsConfig` constants). Serdes and the timestamp extractor
 * are objects, not class names. Unknown keys are a compile error, except the client prefixes Java forwards.
 */
export interface StreamsConfig {
  "application.id"?: string;
  "bootstrap.servers"?: string | readonly string[];
  "client.id"?: string;
  /** Java 4.x has no default (a serde is then required per operator); this kit defaults to String, see DEFAULTS. */
  "default.key.serde"?: Serde<any>;
  "default.value.serde"?: Serde<any>;
  "default.timestamp.extractor"?: TimestampExtractor;
  "statestore.cache.max.bytes"?: number;
  "commit.interval.ms"?: number;
  "processing.guarantee"?: ProcessingGuarantee;
  "num.stream.threads"?: number;
  "max.task.idle.ms"?: number;
  "replication.factor"?: number;
  "topology.optimization"?: "none" | "all";
  [clientKey: `${ClientPrefix}.${string}`]: unknown;
}

/** Every key with its value or default filled in. `application.id` stays optional: the test driver makes one up. */
export interface ResolvedStreamsConfig {
  readonly "application.id": string | undefined;
  readonly "bootstrap.servers": readonly string[];
  readonly "client.id": string;
  readonly "default.key.serde": Serde<unknown>;
  readonly "default.value.serde": Serde<unknown>;
  readonly "default.timestamp.extractor": TimestampExtractor;
  readonly "statestore.cache.max.bytes": number;
  readonly "commit.interval.ms": number;
  readonly "processing.guarantee": ProcessingGuarantee;
  readonly "num.stream.threads": number;
  readonly "max.task.idle.ms": number;
  readonly "replication.factor": number;
  readonly "topology.optimization": "none" | "all";
  /** The `producer.`/`consumer.`/… pass-through keys, as given. */
  readonly clientOverrides: Readonly<Record<string, unknown>>;
}

/** Java's StreamsConfig defaults (4.4.0): 10 MiB cache, 30 s commit (100 ms with exactly_once_v2), one thread. */
export const STREAMS_CONFIG_DEFAULTS = {
  "statestore.cache.max.bytes": 10 * 1024 * 1024,
  "commit.interval.ms": 30_000,
  "commit.interval.ms.eos": 100,
  "processing.guarantee": "at_least_once",
  "num.stream.threads": 1,
  "max.task.idle.ms": 0,
  "replication.factor": -1,
  "topology.optimization": "none",
} as const;

const PROCESSING_GUARANTEES: readonly ProcessingGuarantee[] = ["at_least_once", "exactly_once_v2"];
const CLIENT_PREFIXES: readonly string[] = ["producer.", "consumer.", "main.consumer.", "restore.consumer.", "global.consumer.", "admin."];

/** Fills in defaults and validates ranges with Java's ConfigException wording. */
export function resolveStreamsConfig(props: StreamsConfig = {}): ResolvedStreamsConfig {
  const guarantee = props["processing.guarantee"] ?? STREAMS_CONFIG_DEFAULTS["processing.guarantee"];
  if (!PROCESSING_GUARANTEES.includes(guarantee)) {
    throw invalidValue("processing.guarantee", guarantee, `String must be one of: ${PROCESSING_GUARANTEES.join(", ")}`);
  }
  const defaultCommit = guarantee === "exactly_once_v2" ? STREAMS_CONFIG_DEFAULTS["commit.interval.ms.eos"] : STREAMS_CONFIG_DEFAULTS["commit.interval.ms"];
  const bootstrap = props["bootstrap.servers"];
  return {
    "application.id": props["application.id"],
    "bootstrap.servers": bootstrap === undefined ? [] : typeof bootstrap === "string" ? bootstrap.split(",").map((server) => server.trim()) : [...bootstrap],
    "client.id": props["client.id"] ?? "",
    "default.key.serde": props["default.key.serde"] ?? Serdes.String(),
    "default.value.serde": props["default.value.serde"] ?? Serdes.String(),
    "default.timestamp.extractor": props["default.timestamp.extractor"] ?? failOnInvalidTimestamp,
    "statestore.cache.max.bytes": atLeast("statestore.cache.max.bytes", props["statestore.cache.max.bytes"] ?? STREAMS_CONFIG_DEFAULTS["statestore.cache.max.bytes"], 0),
    "commit.interval.ms": atLeast("commit.interval.ms", props["commit.interval.ms"] ?? defaultCommit, 0),
    "processing.guarantee": guarantee,
    "num.stream.threads": props["num.stream.threads"] ?? STREAMS_CONFIG_DEFAULTS["num.stream.threads"],
    "max.task.idle.ms": props["max.task.idle.ms"] ?? STREAMS_CONFIG_DEFAULTS["max.task.idle.ms"],
    "replication.factor": props["replication.factor"] ?? STREAMS_CONFIG_DEFAULTS["replication.factor"],
    "topology.optimization": props["topology.optimization"] ?? STREAMS_CONFIG_DEFAULTS["topology.optimization"],
    clientOverrides: Object.fromEntries(Object.entries(props).filter(([key]) => CLIENT_PREFIXES.some((prefix) => key.startsWith(prefix)))),
  };
}

function atLeast(key: string, value: number, minimum: number): number {
  if (!(value >= minimum)) throw invalidValue(key, value, `Value must be at least ${minimum}`);
  return value;
}

function invalidValue(key: string, value: unknown, reason: string): InvalidArgumentError {
  return new InvalidArgumentError(`Invalid value ${String(value)} for configuration ${key}: ${reason}`);
}
