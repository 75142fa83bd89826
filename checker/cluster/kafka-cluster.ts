// The one interface every cluster provider implements. Graders, tests and the CLI see only this.
import type { KafkaConfig } from "kafkajs";
import type { KafkaTool } from "./tools.ts";

export type ProviderName = "local" | "docker" | "external";
export type ClusterMode = "zookeeper" | "kraft";

export interface BrokerInfo {
  id: number;
  host: string;
  port: number;
  up: boolean;
}

/** How to run one Kafka command-line tool against this cluster. */
export interface ToolInvocation {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
}

export interface KafkaCluster extends AsyncDisposable {
  readonly id: string;
  readonly provider: ProviderName;
  /** "unknown" for an external cluster, whose metadata mode clients cannot see. */
  readonly mode: ClusterMode | "unknown";
  readonly kafkaVersion: string;
  readonly startedAt: Date;
  /** host:port pairs for clients. */
  readonly bootstrapServers: string[];
  /** Settings for `new Kafka(...)`: brokers plus any SSL/SASL an external cluster needs. */
  clientConfig(clientId?: string): KafkaConfig;
  brokers(): Promise<BrokerInfo[]>;
  /** The active controller, or undefined when none is elected or it cannot be told. */
  controllerId(): Promise<number | undefined>;
  /** Graceful stop (SIGTERM / container stop): the broker hands off leadership first. */
  stopBroker(id: number): Promise<void>;
  /** Abrupt stop (SIGKILL / container kill): leaders move only when the cluster notices. */
  killBroker(id: number): Promise<void>;
  /** Starts a stopped or killed broker again with its data, and waits until it is registered. */
  startBroker(id: number): Promise<void>;
  /** The command line that runs an Apache Kafka CLI tool against this cluster, filling in where the cluster is. */
  toolInvocation(tool: KafkaTool, args: string[]): Promise<ToolInvocation>;
  /** Stops every process or container of the cluster and removes its data. */
  stop(): Promise<void>;
}

