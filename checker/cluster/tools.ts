// The Apache Kafka command-line tools, by the names the docs use, and how to point them at our cluster.

export interface KafkaTool {
  name: string;
  mainClass: string;
  /** Flags that already say where the cluster is; when none is given we add --bootstrap-server. */
  locationFlags?: string[];
  /** The flag that takes a client properties file (for SSL/SASL on an external cluster). */
  configFlag?: string;
  /** ZooKeeper-era tools talk to ZooKeeper, not to brokers. */
  zookeeper?: boolean;
}

const CONNECTS = ["--bootstrap-server"];

export const KAFKA_TOOLS: KafkaTool[] = [
  { name: "kafka-topics", mainClass: "org.apache.kafka.tools.TopicCommand", locationFlags: [...CONNECTS, "--zookeeper"], configFlag: "--command-config" },
  { name: "kafka-console-producer", mainClass: "kafka.tools.ConsoleProducer", locationFlags: [...CONNECTS, "--broker-list"], configFlag: "--producer.config" },
  { name: "kafka-console-consumer", mainClass: "org.apache.kafka.tools.consumer.ConsoleConsumer", locationFlags: CONNECTS, configFlag: "--consumer.config" },
  { name: "kafka-consumer-groups", mainClass: "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand", locationFlags: CONNECTS, configFlag: "--command-config" },
  { name: "kafka-configs", mainClass: "kafka.admin.ConfigCommand", locationFlags: [...CONNECTS, "--zookeeper", "--bootstrap-controller"], configFlag: "--command-config" },
  { name: "kafka-acls", mainClass: "kafka.admin.AclCommand", locationFlags: [...CONNECTS, "--authorizer-properties"], configFlag: "--command-config" },
  { name: "kafka-get-offsets", mainClass: "org.apache.kafka.tools.GetOffsetShell", locationFlags: [...CONNECTS, "--broker-list"], configFlag: "--command-config" },
  { name: "kafka-reassign-partitions", mainClass: "org.apache.kafka.tools.reassign.ReassignPartitionsCommand", locationFlags: CONNECTS, configFlag: "--command-config" },
  { name: "kafka-leader-election", mainClass: "org.apache.kafka.tools.LeaderElectionCommand", locationFlags: CONNECTS, configFlag: "--admin.config" },
  { name: "kafka-delete-records", mainClass: "org.apache.kafka.tools.DeleteRecordsCommand", locationFlags: CONNECTS, configFlag: "--command-config" },
  { name: "kafka-log-dirs", mainClass: "org.apache.kafka.tools.LogDirsCommand", locationFlags: CONNECTS, configFlag: "--command-config" },
  { name: "kafka-transactions", mainClass: "org.apache.kafka.tools.TransactionsCommand", locationFlags: CONNECTS, configFlag: "--command-config" },
  { name: "kafka-features", mainClass: "org.apache.kafka.tools.FeatureCommand", locationFlags: [...CONNECTS, "--bootstrap-controller"], configFlag: "--command-config" },
  { name: "kafka-metadata-quorum", mainClass: "org.apache.kafka.tools.MetadataQuorumCommand", locationFlags: [...CONNECTS, "--bootstrap-controller"], configFlag: "--command-config" },
  { name: "kafka-broker-api-versions", mainClass: "kafka.admin.BrokerApiVersionsCommand", locationFlags: CONNECTS, configFlag: "--command-config" },
  { name: "kafka-cluster", mainClass: "org.apache.kafka.tools.ClusterTool" },
  { name: "kafka-producer-perf-test", mainClass: "org.apache.kafka.tools.ProducerPerformance" },
  { name: "kafka-consumer-perf-test", mainClass: "org.apache.kafka.tools.ConsumerPerformance", locationFlags: [...CONNECTS, "--broker-list"], configFlag: "--consumer.config" },
  { name: "kafka-verifiable-producer", mainClass: "org.apache.kafka.tools.VerifiableProducer", locationFlags: [...CONNECTS, "--broker-list"] },
  { name: "kafka-verifiable-consumer", mainClass: "org.apache.kafka.tools.VerifiableConsumer", locationFlags: [...CONNECTS, "--broker-list"] },
  { name: "kafka-dump-log", mainClass: "kafka.tools.DumpLogSegments" },
  { name: "kafka-storage", mainClass: "kafka.tools.StorageTool" },
  { name: "zookeeper-shell", mainClass: "org.apache.zookeeper.ZooKeeperMainWithTlsSupportForKafka", zookeeper: true },
];

/** Accepts `kafka-topics`, `topics`, `kafka-topics.sh` and `bin/kafka-topics.sh`, as learners copy them from the docs. */
export function findTool(name: string): KafkaTool | undefined {
  const bare = name.replace(/^.*\//, "").replace(/\.(sh|bat)$/, "");
  return KAFKA_TOOLS.find((tool) => tool.name === bare || tool.name === `kafka-${bare}`);
}

export interface ToolTarget {
  bootstrapServers: string[];
  zookeeper?: string;
  clientPropertiesFile?: string;
}

/** The learner's arguments, plus where the cluster is when they did not say. */
export function completeToolArgs(tool: KafkaTool, args: string[], target: ToolTarget): string[] {
  const flags = new Set(args.map((arg) => arg.split("=")[0]));
  if (tool.zookeeper) {
    // As bin/zookeeper-shell.sh does: the first argument is host:port, handed over as -server.
    const hasServer = args[0] !== undefined && /^[^-].*:\d+/.test(args[0]);
    return hasServer ? ["-server", ...args] : ["-server", target.zookeeper ?? "", ...args];
  }
  const completed = [...args];
  if (tool.locationFlags && !tool.locationFlags.some((flag) => flags.has(flag))) {
    completed.unshift("--bootstrap-server", target.bootstrapServers.join(","));
  }
  if (tool.configFlag && target.clientPropertiesFile && !flags.has(tool.configFlag)) {
    completed.push(tool.configFlag, target.clientPropertiesFile);
  }
  return completed;
}
