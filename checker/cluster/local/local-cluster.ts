// The local provider: ZooKeeper and brokers (or KRaft nodes) as real JVM processes from Maven jars.
import { spawn } from "node:child_process";
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createOffsetsTopic, describeMembership } from "../admin.ts";
import { BrokerStartError, ClusterError, PortTakenError } from "../errors.ts";
import type { BrokerInfo, KafkaCluster, ToolInvocation } from "../kafka-cluster.ts";
import type { StartListener } from "../start-listener.ts";
import { ClusterBuilder } from "../cluster-builder.ts";
import { ownCluster, releaseCluster } from "../lifecycle.ts";
import { RecordedCluster } from "../recorded-cluster.ts";
import { choosePorts, isListening } from "../ports.ts";
import { findMarkedProcesses, isAlive, processMark, signal, terminate } from "../processes.ts";
import { BROKER_IDS, KAFKA_VERSION, WELL_KNOWN_PORTS, stateDir } from "../settings.ts";
import { completeToolArgs, type KafkaTool } from "../tools.ts";
import { clearState, writeState, type LocalClusterRecord } from "../state.ts";
import { PollTimeoutError, pollUntil } from "../wait.ts";
import {
  JVM_OPTIONS,
  MAIN_CLASSES,
  SERVER_LOG4J,
  TOOLS_LOG4J,
  ZOOKEEPER_SESSION_TIMEOUT_MS,
  ZOOKEEPER_TICK_MS,
  brokerProperties,
  renderProperties,
  zookeeperProperties,
  type NodeLayout,
} from "./configs.ts";
import { ensureKafkaJars } from "./jars.ts";
import { detectJava } from "./java.ts";

const READY_LINE = /\] started \(kafka\.server\.KafkaServer\)|Kafka Server started/;
const START_TIMEOUT_MS = 90_000;
const LOG_TAIL_LINES = 15;

/** A fluent builder: `await new LocalCluster().withMode("kraft").start()`. */
export class LocalCluster extends ClusterBuilder<StartedLocalCluster> {
  private fixedPorts = false;

  /** Fail when a well-known port is taken instead of moving to a free one. */
  withFixedPorts(fixed = true): this {
    this.fixedPorts = fixed;
    return this;
  }

  async start(): Promise<StartedLocalCluster> {
    const java = detectJava();
    const jarsDir = await ensureKafkaJars((text) => this.listener.step?.(text));
    const record = await this.layout(java.path, jarsDir);
    const cluster = new StartedLocalCluster(record);
    // Owned while it boots even when it is to outlive us: a Ctrl+C mid-start must leave nothing behind.
    ownCluster(cluster);
    try {
      await cluster.boot(this.listener);
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    if (this.ownerPid === null) releaseCluster(cluster);
    return cluster;
  }

  private async layout(java: string, jarsDir: string): Promise<LocalClusterRecord> {
    const zookeeper = this.mode === "zookeeper";
    const wanted = [...(zookeeper ? [WELL_KNOWN_PORTS.zookeeper] : []), ...WELL_KNOWN_PORTS.brokers, ...(zookeeper ? [] : WELL_KNOWN_PORTS.controllers)];
    const choices = await choosePorts(wanted);
    const moved = choices.filter((choice) => choice.port !== choice.wanted);
    if (moved.length > 0 && this.fixedPorts) {
      const taken = moved.map((choice) => choice.wanted).join(", ");
      throw new PortTakenError(
        `Port ${taken} on 127.0.0.1 is taken by another program, and --fixed-ports asks for the well-known ports.`,
        `stop that program (see it with: ss -ltnp 'sport = :${moved[0]?.wanted}'), run \`npm run cluster -- down\` if it is an old cluster, or drop --fixed-ports`,
      );
    }
    for (const choice of moved) this.listener.notice?.(`port ${choice.wanted} is taken; using ${choice.port} instead`);
    const ports = choices.map((choice) => choice.port);
    const zookeeperPort = zookeeper ? ports.shift() : undefined;
    const brokerPorts = ports.splice(0, BROKER_IDS.length);

    const id = `local-${Date.now().toString(36)}`;
    const dir = join(stateDir(), "clusters", id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "log4j.properties"), SERVER_LOG4J);
    writeFileSync(join(dir, "tools-log4j.properties"), TOOLS_LOG4J);
    const nodes: NodeLayout[] = BROKER_IDS.map((brokerId, index) => ({
      id: brokerId,
      port: brokerPorts[index]!,
      controllerPort: zookeeper ? undefined : ports[index],
      logDir: join(dir, `kafka-${brokerId}`),
    }));
    const brokers = nodes.map((node) => {
      const configFile = join(dir, `broker-${node.id}.properties`);
      writeFileSync(configFile, renderProperties(brokerProperties(this.mode, node, { zookeeperPort, nodes })));
      return { id: node.id, port: node.port, controllerPort: node.controllerPort, configFile, logFile: join(dir, `broker-${node.id}.log`) };
    });
    let zookeeperRecord: LocalClusterRecord["zookeeper"];
    if (zookeeperPort !== undefined) {
      const configFile = join(dir, "zookeeper.properties");
      writeFileSync(configFile, renderProperties(zookeeperProperties(join(dir, "zookeeper"), zookeeperPort)));
      zookeeperRecord = { port: zookeeperPort, configFile, logFile: join(dir, "zookeeper.log") };
    }
    return {
      version: 1,
      id,
      provider: "local",
      mode: this.mode,
      kafkaVersion: KAFKA_VERSION,
      startedAt: new Date().toISOString(),
      ownerPid: this.ownerPid,
      bootstrapServers: brokers.map((broker) => `127.0.0.1:${broker.port}`),
      dir,
      java,
      jarsDir,
      zookeeper: zookeeperRecord,
      brokers,
    };
  }
}

export class StartedLocalCluster extends RecordedCluster<LocalClusterRecord> implements KafkaCluster {
  readonly provider = "local" as const;
  /** Set by stop(): a start-up still in flight must not spawn anything after it. */
  private stopped = false;

  /** Every process of this cluster that is still running. */
  livePids(): number[] {
    return [this.record.zookeeper?.pid, ...this.record.brokers.map((b) => b.pid)].filter(isAlive);
  }

  /** True when none of its processes runs any more (e.g. after a reboot). */
  async isGone(): Promise<boolean> {
    return this.livePids().length === 0;
  }

  /** @internal Starts the processes of a freshly laid-out cluster and waits until it is ready. */
  async boot(listener: StartListener): Promise<void> {
    this.save();
    const zookeeper = this.record.zookeeper;
    if (zookeeper) {
      listener.step?.("starting ZooKeeper");
      zookeeper.pid = this.spawnJvm("zookeeper", MAIN_CLASSES.zookeeper, zookeeper.configFile, zookeeper.logFile);
      this.save();
      await this.waitFor(
        async () => (await isListening(zookeeper.port)) || undefined,
        { pid: zookeeper.pid, logFile: zookeeper.logFile, what: "ZooKeeper" },
      );
    } else {
      listener.step?.("formatting KRaft storage");
      await this.formatKraftStorage();
    }
    let ready = 0;
    listener.step?.(`starting brokers (0/${this.record.brokers.length} ready)`);
    await Promise.all(
      this.record.brokers.map(async (broker) => {
        await this.launchBroker(broker);
        listener.step?.(`starting brokers (${++ready}/${this.record.brokers.length} ready)`);
      }),
    );
    listener.step?.("waiting for the brokers to register and a controller to be elected");
    await this.waitFor(async () => {
      const membership = await describeMembership(this.clientConfig());
      return membership.brokerIds.length === this.record.brokers.length && membership.controller !== null && (await this.controllerId()) !== undefined;
    }, { what: "the brokers to register" });
    listener.step?.("creating the consumer offsets topic");
    await this.waitFor(() => createOffsetsTopic(this.clientConfig()).then(() => true), { what: "the consumer offsets topic" });
  }

  async brokers(): Promise<BrokerInfo[]> {
    return Promise.all(
      this.record.brokers.map(async (broker) => ({
        id: broker.id,
        host: "127.0.0.1",
        port: broker.port,
        up: isAlive(broker.pid) && (await isListening(broker.port)),
      })),
    );
  }

  async controllerId(): Promise<number | undefined> {
    if (this.mode === "kraft") {
      // The active KRaft controller is the quorum leader, which brokers do not report in metadata.
      for (const broker of this.record.brokers.filter((b) => isAlive(b.pid))) {
        const leader = readQuorumLeader(join(logDirOf(broker.configFile), "__cluster_metadata-0", "quorum-state"));
        if (leader !== undefined && this.record.brokers.some((b) => b.id === leader && isAlive(b.pid))) return leader;
      }
      return undefined;
    }
    const controller = await describeMembership(this.clientConfig()).then((m) => m.controller, () => null);
    // A killed controller is still named until its ZooKeeper session expires and another broker takes over.
    const alive = this.record.brokers.some((b) => b.id === controller && isAlive(b.pid));
    return alive ? (controller ?? undefined) : undefined;
  }

  async stopBroker(id: number): Promise<void> {
    const broker = this.broker(id);
    // Controlled shutdown moves leadership away first, which takes a few seconds.
    await terminate(broker.pid, "SIGTERM", 60_000);
    broker.pid = undefined;
    this.save();
  }

  async killBroker(id: number): Promise<void> {
    const broker = this.broker(id);
    await terminate(broker.pid, "SIGKILL");
    broker.pid = undefined;
    this.save();
  }

  async startBroker(id: number): Promise<void> {
    const broker = this.broker(id);
    if (isAlive(broker.pid)) return;
    if (this.mode === "zookeeper") {
      // A killed broker's ZooKeeper session outlives it; the same id cannot register until it expires. kafkajs asks
      // for every topic's metadata and fails while any partition is offline (e.g. an RF-1 topic on this broker), so
      // when the cluster cannot be asked, waiting out one session timeout is the answer.
      const expiresAt = Date.now() + ZOOKEEPER_SESSION_TIMEOUT_MS + ZOOKEEPER_TICK_MS;
      await pollUntil(async () => {
        const membership = await describeMembership(this.clientConfig()).catch(() => undefined);
        return membership ? !membership.brokerIds.includes(id) : Date.now() > expiresAt;
      }, {
        timeoutMs: 30_000,
        intervalMs: 250,
        description: `the old registration of broker ${id} to expire`,
      });
    }
    await this.launchBroker(broker);
    await this.waitFor(async () => (await describeMembership(this.clientConfig())).brokerIds.includes(id), { what: `broker ${id} to register` });
  }

  async toolInvocation(tool: KafkaTool, args: string[]): Promise<ToolInvocation> {
    const zookeeper = this.record.zookeeper ? `127.0.0.1:${this.record.zookeeper.port}` : undefined;
    return {
      command: this.record.java,
      args: [
        ...JVM_OPTIONS.tool,
        ...JVM_OPTIONS.common,
        `-Dlog4j.configuration=file:${join(this.record.dir, "tools-log4j.properties")}`,
        "-cp",
        join(this.record.jarsDir, "*"),
        tool.mainClass,
        ...completeToolArgs(tool, args, { bootstrapServers: this.bootstrapServers, zookeeper }),
      ],
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    releaseCluster(this);
    // The data goes away with the cluster, so there is nothing to shut down gracefully for.
    await Promise.all(this.record.brokers.map((broker) => terminate(broker.pid, "SIGKILL")));
    await terminate(this.record.zookeeper?.pid, "SIGKILL");
    for (const pid of findMarkedProcesses(clusterMark(this.id))) await terminate(pid, "SIGKILL");
    rmSync(this.record.dir, { recursive: true, force: true });
    clearState(this.id);
  }

  /** Last-chance cleanup from a process `exit` handler, where nothing asynchronous runs. */
  killNow(): void {
    this.stopped = true;
    for (const pid of this.livePids()) signal(pid, "SIGKILL");
    rmSync(this.record.dir, { recursive: true, force: true });
    clearState(this.id);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  private broker(id: number) {
    const broker = this.record.brokers.find((b) => b.id === id);
    if (!broker) throw new ClusterError(`There is no broker ${id} in this cluster.`, `use one of ${this.record.brokers.map((b) => b.id).join(", ")}`);
    return broker;
  }

  private save(): void {
    writeState(this.record);
  }

  private async launchBroker(broker: LocalClusterRecord["brokers"][number]): Promise<void> {
    const logOffset = existsSync(broker.logFile) ? statSync(broker.logFile).size : 0;
    broker.pid = this.spawnJvm(`broker-${broker.id}`, MAIN_CLASSES.broker, broker.configFile, broker.logFile);
    this.save();
    await this.waitFor(() => READY_LINE.test(readFrom(broker.logFile, logOffset)), { pid: broker.pid, logFile: broker.logFile, what: `broker ${broker.id}` });
  }

  /**
   * What `kafka-storage format` does, without a JVM per node: meta.properties plus the bootstrap snapshot.
   * The snapshot holds only the metadata.version, so it is made once with the real StorageTool and cached.
   */
  private async formatKraftStorage(): Promise<void> {
    const clusterId = kraftUuid();
    const template = join(dirname(this.record.jarsDir), `bootstrap-${this.record.kafkaVersion}.checkpoint`);
    const [first, ...others] = this.record.brokers;
    if (!existsSync(template)) {
      await this.runStorageTool(first!, clusterId);
      copyFileSync(join(logDirOf(first!.configFile), "bootstrap.checkpoint"), template);
    } else {
      others.unshift(first!);
    }
    for (const broker of others) {
      const logDir = logDirOf(broker.configFile);
      mkdirSync(logDir, { recursive: true });
      copyFileSync(template, join(logDir, "bootstrap.checkpoint"));
      writeFileSync(join(logDir, "meta.properties"), renderProperties({ version: 1, "cluster.id": clusterId, "node.id": broker.id, "directory.id": kraftUuid() }));
    }
  }

  private async runStorageTool(broker: LocalClusterRecord["brokers"][number], clusterId: string): Promise<void> {
    const pid = this.spawnJvm(`format-${broker.id}`, MAIN_CLASSES.storageTool, ["format", "-t", clusterId, "-c", broker.configFile], broker.logFile, JVM_OPTIONS.tool);
    await this.waitFor(() => !isAlive(pid), { logFile: broker.logFile, what: `storage format of node ${broker.id}` });
    if (!existsSync(join(logDirOf(broker.configFile), "bootstrap.checkpoint"))) {
      throw brokerStartError(`Formatting the KRaft storage of node ${broker.id} failed.`, broker.logFile);
    }
  }

  private spawnJvm(name: string, mainClass: string, config: string | string[], logFile: string, heap = name === "zookeeper" ? JVM_OPTIONS.zookeeper : JVM_OPTIONS.broker): number {
    if (this.stopped) throw new ClusterError(`The cluster was stopped while ${name} was starting.`, "start it again when you are ready");
    const out = openSync(logFile, "a");
    try {
      const child = spawn(
        this.record.java,
        [
          ...heap,
          ...JVM_OPTIONS.common,
          processMark(stateDir()),
          clusterMark(this.id),
          `-Dkafkalings.log.file=${logFile}`,
          `-Dlog4j.configuration=file:${join(this.record.dir, "log4j.properties")}`,
          `-Dkafka.logs.dir=${this.record.dir}`,
          "-cp",
          join(this.record.jarsDir, "*"),
          mainClass,
          ...(Array.isArray(config) ? config : [config]),
        ],
        // Its own process group: a Ctrl+C aimed at the CLI must not kill a cluster left up on purpose.
        { detached: true, stdio: ["ignore", out, out] },
      );
      child.unref();
      if (!child.pid) throw new BrokerStartError(`Could not start ${name}: ${this.record.java} did not run.`, "check that Java works: java -version");
      return child.pid;
    } finally {
      closeSync(out);
    }
  }

  /** Polls until ready; a process that dies meanwhile, or a timeout, becomes an error with its log's tail. */
  private async waitFor(probe: () => Promise<unknown> | unknown, subject: { pid?: number; logFile?: string; what: string }): Promise<void> {
    try {
      await pollUntil(
        async () => {
          if (subject.pid !== undefined && !isAlive(subject.pid)) throw new ProcessExited();
          return (await probe()) ? true : undefined;
        },
        { timeoutMs: START_TIMEOUT_MS, intervalMs: 100, description: subject.what, isFatal: (error) => error instanceof ProcessExited },
      );
    } catch (error) {
      const exited = error instanceof ProcessExited || (error instanceof PollTimeoutError && error.lastError instanceof ProcessExited);
      const message = exited ? `${capitalise(subject.what)} exited during start-up.` : `${capitalise(subject.what)} did not become ready within ${START_TIMEOUT_MS / 1000} s.`;
      throw subject.logFile ? brokerStartError(message, subject.logFile) : new BrokerStartError(message, "run `npm run cluster -- down` and try again");
    }
  }
}

class ProcessExited extends Error {}

function clusterMark(id: string): string {
  return `-Dkafkalings.cluster=${id}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function readFrom(file: string, offset: number): string {
  try {
    return readFileSync(file, "utf8").slice(offset);
  } catch {
    return "";
  }
}

function logDirOf(configFile: string): string {
  const match = /^log\.dirs=(.*)$/m.exec(readFileSync(configFile, "utf8"));
  return match?.[1] ?? "";
}

function readQuorumLeader(file: string): number | undefined {
  try {
    const leader = (JSON.parse(readFileSync(file, "utf8")) as { leaderId?: number }).leaderId;
    return leader !== undefined && leader >= 0 ? leader : undefined;
  } catch {
    return undefined;
  }
}

/** A Kafka UUID (cluster or directory id): 16 random bytes, URL-safe base64 without padding, as `kafka-storage random-uuid` prints. */
function kraftUuid(): string {
  const id = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64url");
  // Kafka never hands out ids that start with "-": they would read as an option on a command line.
  return id.startsWith("-") ? kraftUuid() : id;
}

const ADDRESS_IN_USE = /Address already in use|BindException/;

function brokerStartError(message: string, logFile: string): ClusterError {
  const tail = readFrom(logFile, 0).trimEnd().split("\n").slice(-LOG_TAIL_LINES).join("\n");
  if (ADDRESS_IN_USE.test(tail)) {
    return new PortTakenError(`${message} Its port was taken by another program meanwhile (log: ${logFile}).`, "run `npm run cluster -- down`, free the port, and start again", tail);
  }
  return new BrokerStartError(`${message} Its log is ${logFile}; the last lines are below.`, "fix what the log says (often: not enough memory or disk), then `npm run cluster -- down` and start again", tail);
}
