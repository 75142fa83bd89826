// Server properties for a fast, quiet, three-broker practice cluster on 127.0.0.1.
import type { ClusterMode } from "../kafka-cluster.ts";

export type Properties = Record<string, string | number | boolean>;

export function renderProperties(properties: Properties): string {
  return `${Object.entries(properties)
    .map(([key, value]) => `${key}=${value}`)
    .join("\n")}\n`;
}

/** ZooKeeper's tick and the brokers' session timeout: a killed broker's registration is gone within seconds. */
export const ZOOKEEPER_TICK_MS = 500;
export const ZOOKEEPER_SESSION_TIMEOUT_MS = 6000;

export function zookeeperProperties(dataDir: string, port: number): Properties {
  return {
    dataDir,
    clientPort: port,
    clientPortAddress: "127.0.0.1",
    maxClientCnxns: 0,
    // ZooKeeper's Jetty admin server would otherwise take port 8080.
    "admin.enableServer": false,
    // A short tick allows the short broker session timeout below.
    tickTime: ZOOKEEPER_TICK_MS,
    "4lw.commands.whitelist": "srvr,ruok,stat",
  };
}

/** What every broker shares, in both modes: RF-3 internal topics that start quickly. */
function practiceDefaults(): Properties {
  return {
    "offsets.topic.replication.factor": 3,
    "offsets.topic.num.partitions": 6,
    "transaction.state.log.replication.factor": 3,
    "transaction.state.log.min.isr": 2,
    "transaction.state.log.num.partitions": 6,
    // The first consumer group would otherwise wait 3 s before its first assignment.
    "group.initial.rebalance.delay.ms": 0,
    "num.network.threads": 2,
    "num.io.threads": 2,
    "num.recovery.threads.per.data.dir": 1,
    "log.cleaner.dedupe.buffer.size": 8 * 1024 * 1024,
    // Retention and compaction act within a second instead of after 5 min / 15 s, so the quiz's live proofs
    // can show deleted segments and compacted logs while the learner watches.
    "log.retention.check.interval.ms": 1000,
    "log.cleaner.backoff.ms": 1000,
    "replica.socket.timeout.ms": 3000,
    "controller.socket.timeout.ms": 3000,
  };
}

export interface NodeLayout {
  id: number;
  port: number;
  controllerPort?: number;
  logDir: string;
}

export function brokerProperties(mode: ClusterMode, node: NodeLayout, cluster: { zookeeperPort?: number; nodes: NodeLayout[] }): Properties {
  const common = { ...practiceDefaults(), "log.dirs": node.logDir, "advertised.listeners": `PLAINTEXT://127.0.0.1:${node.port}` };
  if (mode === "zookeeper") {
    return {
      ...common,
      "broker.id": node.id,
      listeners: `PLAINTEXT://127.0.0.1:${node.port}`,
      "zookeeper.connect": `127.0.0.1:${cluster.zookeeperPort}`,
      // A killed broker's registration expires after this, so leaders move within seconds.
      "zookeeper.session.timeout.ms": ZOOKEEPER_SESSION_TIMEOUT_MS,
    };
  }
  return {
    ...common,
    "process.roles": "broker,controller",
    "node.id": node.id,
    "controller.quorum.voters": cluster.nodes.map((n) => `${n.id}@127.0.0.1:${n.controllerPort}`).join(","),
    listeners: `PLAINTEXT://127.0.0.1:${node.port},CONTROLLER://127.0.0.1:${node.controllerPort}`,
    "controller.listener.names": "CONTROLLER",
    "inter.broker.listener.name": "PLAINTEXT",
    "listener.security.protocol.map": "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
    "broker.session.timeout.ms": 6000,
    "broker.heartbeat.interval.ms": 1000,
  };
}

/** Servers log warnings to a file; the lines that say a server started are kept for diagnosis. */
export const SERVER_LOG4J = `log4j.rootLogger=WARN, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=\${kafkalings.log.file}
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaServer=INFO
log4j.logger.kafka.server.KafkaRaftServer=INFO
log4j.logger.kafka.server.BrokerServer=INFO
log4j.logger.org.apache.zookeeper.server.ZooKeeperServer=INFO
`;

/** Command-line tools print only warnings, to stderr, as Kafka's own tools-log4j.properties does. */
export const TOOLS_LOG4J = `log4j.rootLogger=WARN, stderr
log4j.appender.stderr=org.apache.log4j.ConsoleAppender
log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.appender.stderr.Target=System.err
`;

/** Small heaps and a quick-starting JIT: a practice cluster favours start time and memory over peak throughput. */
export const JVM_OPTIONS = {
  zookeeper: ["-Xms32m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dzookeeper.forceSync=no"],
  // KAFKALINGS_BROKER_JVM_OPTS comes last, so a learner can give brokers more (or less) memory.
  broker: ["-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", ...(process.env.KAFKALINGS_BROKER_JVM_OPTS?.split(/\s+/).filter(Boolean) ?? [])],
  tool: ["-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"],
  common: ["-Djava.awt.headless=true", "-Xshare:auto"],
};

export const MAIN_CLASSES = {
  zookeeper: "org.apache.zookeeper.server.quorum.QuorumPeerMain",
  broker: "kafka.Kafka",
  storageTool: "kafka.tools.StorageTool",
};
