// The docker provider: one cp-zookeeper and three cp-kafka containers on a network of their own, via Testcontainers.
//
// What Testcontainers does that shapes this file:
// - KafkaContainer writes the advertised address (PLAINTEXT://<host>:<mapped 9093>) into a start script once, at the
//   first start. A restarted container runs that script again, but Docker gives a randomly published port a new
//   number at every start, so the brokers publish 9093 on host ports chosen here instead.
// - Testcontainers' Network and containers carry the Ryuk session label, and Ryuk removes them soon after this
//   process ends. That suits a cluster owned by this process; a detached one (`cluster up`) must not carry it.
// - The cluster is driven by container id through the runtime client, so another process can re-attach to it
//   from the state file alone.
import { spawnSync } from "node:child_process";
import type { ContainerRuntimeClient } from "testcontainers";
import { createOffsetsTopic, describeMembership } from "../admin.ts";
import { BrokerStartError, ClusterError, DockerUnavailableError, NotSupportedError, PortTakenError } from "../errors.ts";
import type { BrokerInfo, KafkaCluster, ToolInvocation } from "../kafka-cluster.ts";
import { ClusterBuilder } from "../cluster-builder.ts";
import { ownCluster, releaseCluster } from "../lifecycle.ts";
import { RecordedCluster } from "../recorded-cluster.ts";
import { choosePorts } from "../ports.ts";
import { BROKER_IDS, DOCKER_IMAGES, WELL_KNOWN_PORTS } from "../settings.ts";
import type { StartListener } from "../start-listener.ts";
import { clearState, stateFile, writeState, type DockerClusterRecord } from "../state.ts";
import { completeToolArgs, type KafkaTool } from "../tools.ts";
import { PollTimeoutError, pollUntil } from "../wait.ts";
import { dockerHostOf, dockerUnavailableError, probeDockerEngine, type UnreachableEngine } from "./docker-engine.ts";
import { pullImages } from "./image-pull.ts";

type DockerContainer = ReturnType<ContainerRuntimeClient["container"]["getById"]>;
type BrokerRecord = DockerClusterRecord["brokers"][number];

const ZOOKEEPER_HOST = "zookeeper";
const ZOOKEEPER_PORT = 2181;
/** cp-zookeeper's default tick; ZooKeeper expires sessions once a tick. */
const ZOOKEEPER_TICK_MS = 2000;
/** As on the local provider: a killed broker's registration expires within seconds, so leaders move quickly. */
const ZOOKEEPER_SESSION_TIMEOUT_MS = 6000;
/** KafkaContainer's PLAINTEXT listener: published to the host and advertised as host:port. */
const KAFKA_CLIENT_PORT = 9093;
/** KafkaContainer's BROKER listener: what brokers, and tools run inside the network, connect to. */
const KAFKA_INTERNAL_PORT = 9092;
const START_TIMEOUT_MS = 180_000;
const REGISTER_TIMEOUT_MS = 90_000;
const GRACEFUL_STOP_MS = 60_000;
/** How long stop() waits for an interrupted start to give up before its final sweep. */
const BOOT_ABANDON_MS = 30_000;
const LOG_TAIL_LINES = 15;
/** Every container and the network carry it, so that a cluster is removed whole even when its record is partial. */
const CLUSTER_LABEL = "kafkalings.cluster";
const PORT_TAKEN = /port is already allocated|address already in use/i;
const START_FIX = "give Docker more memory (Docker Desktop: Settings > Resources, 4 GB or more) and start again, or use the local provider: --provider local";

/** A fluent builder: `await new DockerCluster().withDetachedLifetime().start()`. */
export class DockerCluster extends ClusterBuilder<StartedDockerCluster> {
  async start(): Promise<StartedDockerCluster> {
    if (this.mode === "kraft") {
      // KafkaContainer gives every KRaft node a quorum of one, so three of them cannot form a cluster.
      throw new NotSupportedError("The docker provider runs ZooKeeper mode only.", "KRaft runs on the local provider: --provider local --mode kraft");
    }
    const kafkaVersion = kafkaVersionOfImage(DOCKER_IMAGES.kafka);
    const { client } = await connectToEngine(dockerUnavailableError);
    await pullMissingImages(client, this.listener);
    const brokerPorts = await this.chooseBrokerPorts();
    const id = `docker-${Date.now().toString(36)}`;
    const reapWithProcess = this.ownerPid !== null;
    const network = await createNetwork(client, id, reapWithProcess);
    const runtimeHost = client.info.containerRuntime.host;
    // "localhost" may resolve to ::1 first, and a local engine publishes on IPv4 loopback only (see bindAddress).
    const host = runtimeHost === "localhost" ? "127.0.0.1" : runtimeHost;
    const cluster = new StartedDockerCluster({
      version: 1,
      id,
      provider: "docker",
      mode: "zookeeper",
      kafkaVersion,
      startedAt: new Date().toISOString(),
      ownerPid: this.ownerPid,
      bootstrapServers: brokerPorts.map((port) => `${host}:${port}`),
      // The data lives in the containers' volumes, not in a folder of ours.
      dir: "",
      networkId: network.id,
      // Set as soon as the container runs; the record is first written then.
      zookeeperContainerId: "",
      brokers: [],
    });
    // Owned while it boots even when it is to outlive us: a Ctrl+C mid-start must leave nothing behind.
    ownCluster(cluster);
    try {
      // Like the local provider, a local engine publishes on loopback only; a remote one must publish on all interfaces.
      const bindAddress = runtimeHost === "localhost" ? "127.0.0.1" : "";
      await cluster.boot({ clusterId: id, networkName: network.name, brokerPorts, bindAddress, reapWithProcess }, this.listener);
    } catch (error) {
      const interrupted = cluster.isStopping;
      await cluster.stop();
      throw interrupted ? new ClusterError("The docker cluster was stopped while it started; nothing of it is left.", "start it again") : error;
    }
    if (this.ownerPid === null) releaseCluster(cluster);
    return cluster;
  }

  private async chooseBrokerPorts(): Promise<number[]> {
    const choices = await choosePorts(WELL_KNOWN_PORTS.brokers);
    for (const choice of choices.filter((c) => c.port !== c.wanted)) this.listener.notice?.(`port ${choice.wanted} is taken; using ${choice.port} instead`);
    return choices.map((choice) => choice.port);
  }
}

interface BootPlan {
  clusterId: string;
  networkName: string;
  /** Host ports, in the order of BROKER_IDS. */
  brokerPorts: number[];
  /** Where published ports listen on the Docker host; "" for all interfaces. */
  bindAddress: string;
  /** Label the containers for Ryuk, which removes them once this process is gone. */
  reapWithProcess: boolean;
}

export class StartedDockerCluster extends RecordedCluster<DockerClusterRecord> implements KafkaCluster {
  readonly provider = "docker" as const;

  /** True when none of its containers runs any more (e.g. after Docker restarted). */
  async isGone(): Promise<boolean> {
    const { client } = await this.engine();
    const ids = [this.record.zookeeperContainerId, ...this.record.brokers.map((b) => b.containerId)].filter(Boolean);
    const running = await Promise.all(ids.map((id) => isRunning(client.container.getById(id))));
    return !running.includes(true);
  }

  /** Aborted by stop(): a start still in flight gives up at its next step instead of creating more containers. */
  private readonly stopping = new AbortController();
  private booting: Promise<void> | undefined;
  private stopped: Promise<void> | undefined;

  get isStopping(): boolean {
    return this.stopping.signal.aborted;
  }

  /** @internal Starts the containers of a new cluster and waits until it is ready. */
  boot(plan: BootPlan, listener: StartListener): Promise<void> {
    this.booting = this.bootSteps(plan, listener);
    return this.booting;
  }

  private async bootSteps(plan: BootPlan, listener: StartListener): Promise<void> {
    listener.step?.("starting ZooKeeper container");
    this.record.zookeeperContainerId = await startZookeeper(plan).catch((error: unknown) => {
      throw new BrokerStartError(`The ZooKeeper container did not start: ${firstLine(error)}`, START_FIX);
    });
    this.save();
    this.stopping.signal.throwIfAborted();
    let ready = 0;
    listener.step?.(`starting brokers (0/${BROKER_IDS.length} ready)`);
    // allSettled, not all: when one broker fails, the others' starts must be over before stop() sweeps the containers.
    const started = await Promise.allSettled(
      BROKER_IDS.map(async (id, index) => {
        await this.bootBroker(id, plan.brokerPorts[index]!, plan);
        listener.step?.(`starting brokers (${++ready}/${BROKER_IDS.length} ready)`);
      }),
    );
    const failed = started.find((outcome) => outcome.status === "rejected");
    if (failed) throw failed.reason;
    this.stopping.signal.throwIfAborted();
    listener.step?.("waiting for the brokers to register and a controller to be elected");
    await this.waitFor(async () => {
      const membership = await describeMembership(this.clientConfig());
      return membership.brokerIds.length === BROKER_IDS.length && membership.controller !== null && membership.controller >= 0;
    }, "the brokers to register");
    listener.step?.("creating the consumer offsets topic");
    await this.waitFor(() => createOffsetsTopic(this.clientConfig()).then(() => true), "the consumer offsets topic");
  }

  async brokers(): Promise<BrokerInfo[]> {
    const { client } = await this.engine();
    const host = this.bootstrapServers[0]?.replace(/:\d+$/, "") ?? "127.0.0.1";
    return Promise.all(
      this.record.brokers.map(async (broker) => ({ id: broker.id, host, port: broker.port, up: await isRunning(client.container.getById(broker.containerId)) })),
    );
  }

  async controllerId(): Promise<number | undefined> {
    const controller = await describeMembership(this.clientConfig()).then((m) => m.controller, () => null);
    return controller === null || controller < 0 ? undefined : controller;
  }

  async stopBroker(id: number): Promise<void> {
    const container = await this.brokerContainer(id);
    if (!(await isRunning(container))) return;
    // `docker stop` signals the container's shell (PID 1), which does not pass SIGTERM on to the JVM;
    // kafka-server-stop signals the JVM itself, and the container ends when Kafka has shut down.
    const { client } = await this.engine();
    const { exitCode } = await client.container.exec(container, ["kafka-server-stop"]);
    // No JVM to signal (it is still starting), or one that does not finish in time: stop it the hard way.
    if (exitCode !== 0 || !(await exitsWithin(container, GRACEFUL_STOP_MS))) await this.killBroker(id);
  }

  async killBroker(id: number): Promise<void> {
    const container = await this.brokerContainer(id);
    await tolerate([409], () => container.kill({ signal: "SIGKILL" }));
    await pollUntil(async () => !(await isRunning(container)), { timeoutMs: 10_000, intervalMs: 100, description: `broker ${id} to die` });
  }

  async startBroker(id: number): Promise<void> {
    const container = await this.brokerContainer(id);
    const state = await container.inspect().then(
      (info) => info.State,
      (error: unknown) => {
        throw statusOf(error) === 404 ? new ClusterError(`The container of broker ${id} is gone.`, "start a new cluster: `npm run cluster -- down`, then `up`") : error;
      },
    );
    if (state.Running) return;
    await this.waitForOldRegistrationToExpire(id, state.FinishedAt);
    await tolerate([304], () => container.start());
    await this.waitFor(async () => (await describeMembership(this.clientConfig())).brokerIds.includes(id), `broker ${id} to register`, { id, container });
  }

  /** Runs the tool inside a running broker's container (needs the docker CLI), pointed at the brokers' network names. */
  async toolInvocation(tool: KafkaTool, args: string[]): Promise<ToolInvocation> {
    const cli = containerCli();
    if (!cli) {
      throw new NotSupportedError(
        "The docker provider runs Kafka's tools with `docker exec`, and the docker command is not installed.",
        "install the Docker CLI (it comes with Docker Desktop and docker-ce), or use the local provider: --provider local",
      );
    }
    const { client, dockerHost } = await this.engine();
    const broker = await this.firstRunningBroker(client);
    const target = {
      bootstrapServers: this.record.brokers.map((b) => `${brokerHost(b.id)}:${KAFKA_INTERNAL_PORT}`),
      zookeeper: `${ZOOKEEPER_HOST}:${ZOOKEEPER_PORT}`,
    };
    return {
      command: cli,
      args: ["exec", "-i", broker.containerId, "kafka-run-class", tool.mainClass, ...completeToolArgs(tool, args, target)],
      env: { DOCKER_HOST: dockerHost },
    };
  }

  /** Idempotent: a second caller (a failed start and a Ctrl+C at once) waits for the same, complete clean-up. */
  stop(): Promise<void> {
    this.stopped ??= this.removeEverything();
    return this.stopped;
  }

  private async removeEverything(): Promise<void> {
    this.stopping.abort();
    releaseCluster(this);
    const { client } = await this.engine();
    await removeLabelled(client, this.id);
    // A start in flight (Ctrl+C mid-start) may create containers after that sweep: let it fail, then sweep again.
    // Its containers are gone, so its waits fail within a poll or two; the bound covers a wedged engine call.
    if (this.booting) {
      await settledWithin(this.booting, BOOT_ABANDON_MS);
      await removeLabelled(client, this.id);
    }
    clearState(this.id);
  }

  /** Last-chance cleanup from a process `exit` handler, where nothing asynchronous runs: the docker CLI, if any. */
  killNow(): void {
    const cli = containerCli();
    // Without the CLI the record stays, so that the next command cleans up (Ryuk does too, for an owned cluster).
    if (!cli) return;
    const listed = spawnSync(cli, ["ps", "-aq", "--filter", `label=${CLUSTER_LABEL}=${this.id}`], { encoding: "utf8" });
    const ids = listed.stdout?.split(/\s+/).filter(Boolean) ?? [];
    if (ids.length > 0) spawnSync(cli, ["rm", "-f", "-v", ...ids], { stdio: "ignore" });
    spawnSync(cli, ["network", "rm", this.record.networkId], { stdio: "ignore" });
    clearState(this.id);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  private async bootBroker(id: number, port: number, plan: BootPlan): Promise<void> {
    try {
      await startBrokerContainer(id, port, plan, (containerId) => this.addBroker({ id, containerId, port }));
    } catch (error) {
      const message = firstLine(error);
      if (PORT_TAKEN.test(message)) {
        throw new PortTakenError(`Port ${port} was taken by another program while broker ${id} started.`, `free it (see who has it: ss -ltnp 'sport = :${port}') and start again`);
      }
      const broker = this.record.brokers.find((b) => b.id === id);
      const tail = broker ? await logTail(await this.container(broker.containerId)) : undefined;
      throw new BrokerStartError(`Broker ${id} did not start: ${message}`, START_FIX, tail);
    }
  }

  /** A killed broker's ZooKeeper session outlives it; the same id cannot register again until the session expires. */
  private async waitForOldRegistrationToExpire(id: number, finishedAt: string): Promise<void> {
    // The time bound also holds when no broker is up to ask.
    const expiresAt = Date.parse(finishedAt) + ZOOKEEPER_SESSION_TIMEOUT_MS + ZOOKEEPER_TICK_MS;
    await pollUntil(async () => Date.now() > expiresAt || !(await describeMembership(this.clientConfig())).brokerIds.includes(id), {
      timeoutMs: 30_000,
      intervalMs: 250,
      description: `the old registration of broker ${id} to expire`,
    });
  }

  /** Polls until ready; a broker container that exits meanwhile, or a timeout, becomes an error with its log's tail. */
  private async waitFor(probe: () => Promise<boolean>, what: string, broker?: { id: number; container: DockerContainer }): Promise<void> {
    let outcome: "ready" | "exited";
    try {
      outcome = await pollUntil(
        async () => {
          if (broker && !(await isRunning(broker.container))) return "exited" as const;
          return (await probe()) ? ("ready" as const) : undefined;
        },
        { timeoutMs: REGISTER_TIMEOUT_MS, intervalMs: 250, description: what, signal: this.stopping.signal },
      );
    } catch (error) {
      if (!(error instanceof PollTimeoutError)) throw error;
      throw new BrokerStartError(`Timed out after ${REGISTER_TIMEOUT_MS / 1000} s waiting for ${what}.`, START_FIX, broker && (await logTail(broker.container)));
    }
    if (outcome === "exited" && broker) {
      throw new BrokerStartError(`The container of broker ${broker.id} exited during start-up; its last log lines are below.`, START_FIX, await logTail(broker.container));
    }
  }

  private async firstRunningBroker(client: ContainerRuntimeClient): Promise<BrokerRecord> {
    for (const broker of this.record.brokers) {
      if (await isRunning(client.container.getById(broker.containerId))) return broker;
    }
    throw new ClusterError("No broker of the docker cluster is running, and the tools run inside one.", "start the brokers again: npm run cluster -- up");
  }

  private async brokerContainer(id: number): Promise<DockerContainer> {
    const broker = this.record.brokers.find((b) => b.id === id);
    if (!broker) throw new ClusterError(`There is no broker ${id} in this cluster.`, `use one of ${this.record.brokers.map((b) => b.id).join(", ")}`);
    return this.container(broker.containerId);
  }

  private async container(containerId: string): Promise<DockerContainer> {
    return (await this.engine()).client.container.getById(containerId);
  }

  private engine(): Promise<Engine> {
    return connectToEngine((probe) =>
      dockerUnavailableError(probe, `start Docker again, where the cluster ${this.id} lives (if Docker is gone for good, delete ${stateFile()})`),
    );
  }

  private addBroker(broker: BrokerRecord): void {
    this.record.brokers.push(broker);
    this.record.brokers.sort((a, b) => a.id - b.id);
    this.save();
  }

  private save(): void {
    writeState(this.record);
  }
}

interface Engine {
  client: ContainerRuntimeClient;
  /** The DOCKER_HOST the client uses, for the docker CLI. */
  dockerHost: string;
}

/** Testcontainers takes most of a second to load, so it is imported only when a docker cluster is used. */
async function connectToEngine(unreachable: (probe: UnreachableEngine) => DockerUnavailableError): Promise<Engine> {
  const probe = await probeDockerEngine();
  if (!probe.reachable) throw unreachable(probe);
  // Testcontainers looks in fewer places than the probe (no Colima, no Podman): point it at the engine found.
  if (!process.env.DOCKER_HOST) process.env.DOCKER_HOST = dockerHostOf(probe.socket);
  // Inside a container (/.dockerenv), Testcontainers assumes the engine is the outer host's and reaches published
  // ports through the bridge gateway; an engine running beside us publishes on loopback, which is where we look.
  if (probe.sharesOurNetwork) process.env.TESTCONTAINERS_HOST_OVERRIDE ??= "localhost";
  const dockerHost = process.env.DOCKER_HOST;
  const { getContainerRuntimeClient } = await import("testcontainers");
  try {
    return { client: await getContainerRuntimeClient(), dockerHost };
  } catch (error) {
    throw new DockerUnavailableError(`Testcontainers could not use the Docker engine at ${dockerHost}: ${firstLine(error)}`, "check that `docker info` works, or use the local provider: --provider local");
  }
}

/** Confluent Platform 7.x ships Apache Kafka 3.x (CP 7.9 is Kafka 3.9); from 8.0 there is no ZooKeeper mode. */
function kafkaVersionOfImage(image: string): string {
  const match = /:(\d+)\.(\d+)[^:/]*$/.exec(image);
  if (match?.[1] !== "7") {
    throw new NotSupportedError(
      `The docker provider needs a Confluent Platform 7.x Kafka image for ZooKeeper mode, not ${image}.`,
      "unset KAFKALINGS_KAFKA_IMAGE, or set it to a confluentinc/cp-kafka:7.x tag",
    );
  }
  return `3.${match[2]}`;
}

async function pullMissingImages(client: ContainerRuntimeClient, listener: StartListener): Promise<void> {
  const { ImageName } = await import("testcontainers");
  const images = [DOCKER_IMAGES.zookeeper, DOCKER_IMAGES.kafka].map((name) => ImageName.fromString(name));
  const present = await Promise.all(images.map((image) => client.image.exists(image)));
  await pullImages(
    client.container.dockerode,
    images.filter((_, index) => !present[index]).map((image) => image.string),
    listener,
  );
}

/** Not Testcontainers' Network, which always carries the Ryuk label: a detached cluster must outlive this process. */
async function createNetwork(client: ContainerRuntimeClient, clusterId: string, reapWithProcess: boolean): Promise<{ id: string; name: string }> {
  const { getReaper, LABEL_TESTCONTAINERS_SESSION_ID } = await import("testcontainers");
  const labels: Record<string, string> = { [CLUSTER_LABEL]: clusterId };
  if (reapWithProcess) labels[LABEL_TESTCONTAINERS_SESSION_ID] = (await getReaper(client)).sessionId;
  const name = `kafkalings-${clusterId}`;
  const network = await client.network.create({ Name: name, Driver: "bridge", Labels: labels });
  return { id: network.id, name };
}

async function startZookeeper(plan: BootPlan): Promise<string> {
  const { GenericContainer, Wait } = await import("testcontainers");
  const container = await new GenericContainer(DOCKER_IMAGES.zookeeper)
    .withNetworkMode(plan.networkName)
    .withNetworkAliases(ZOOKEEPER_HOST)
    .withHostname(ZOOKEEPER_HOST)
    .withLabels({ [CLUSTER_LABEL]: plan.clusterId })
    .withAutoCleanup(plan.reapWithProcess)
    .withEnvironment({ ZOOKEEPER_CLIENT_PORT: String(ZOOKEEPER_PORT), ZOOKEEPER_TICK_TIME: String(ZOOKEEPER_TICK_MS), KAFKA_HEAP_OPTS: "-Xms32m -Xmx128m" })
    // Not published to the host: it is ready once it accepts connections inside its container.
    .withWaitStrategy(Wait.forSuccessfulCommand(`bash -c '</dev/tcp/127.0.0.1/${ZOOKEEPER_PORT}'`).withStartupTimeout(START_TIMEOUT_MS))
    .start();
  return container.getId();
}

async function startBrokerContainer(id: number, hostPort: number, plan: BootPlan, onCreated: (containerId: string) => void): Promise<void> {
  const [{ Wait }, { KafkaContainer }] = await Promise.all([import("testcontainers"), import("@testcontainers/kafka")]);

  class PinnedPortKafkaContainer extends KafkaContainer {
    protected override async beforeContainerCreated(): Promise<void> {
      await super.beforeContainerCreated();
      // KafkaContainer has just published 9093 on a random host port; pin it (see the note at the top).
      this.hostConfig.PortBindings = { ...this.hostConfig.PortBindings, [`${KAFKA_CLIENT_PORT}/tcp`]: [{ HostIp: plan.bindAddress, HostPort: String(hostPort) }] };
      // withEnvironment appends, so KafkaContainer's defaults would reach the container next to our overrides.
      this.createOpts.Env = Object.entries(this.environment).map(([key, value]) => `${key}=${value}`);
    }

    // Recorded before the container starts, so that a start-up failure can show its log.
    protected override async containerCreated(containerId: string): Promise<void> {
      onCreated(containerId);
    }
  }

  const host = brokerHost(id);
  await new PinnedPortKafkaContainer(DOCKER_IMAGES.kafka)
    .withZooKeeper(ZOOKEEPER_HOST, ZOOKEEPER_PORT)
    .withNetworkMode(plan.networkName)
    // The advertised inter-broker address is the container's hostname; the alias lets the other brokers resolve it.
    .withNetworkAliases(host)
    .withHostname(host)
    .withLabels({ [CLUSTER_LABEL]: plan.clusterId })
    .withAutoCleanup(plan.reapWithProcess)
    .withEnvironment(brokerEnvironment(id))
    .withWaitStrategy(Wait.forListeningPorts().withStartupTimeout(START_TIMEOUT_MS))
    .start();
}

/** The same practice settings as the local provider, in the cp-kafka image's KAFKA_* form. */
function brokerEnvironment(id: number): Record<string, string> {
  return {
    KAFKA_BROKER_ID: String(id),
    KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: "3",
    KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS: "6",
    KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: "3",
    KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: "2",
    KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS: "6",
    KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: "0",
    KAFKA_LOG_RETENTION_CHECK_INTERVAL_MS: "1000",
    KAFKA_LOG_CLEANER_BACKOFF_MS: "1000",
    KAFKA_ZOOKEEPER_SESSION_TIMEOUT_MS: String(ZOOKEEPER_SESSION_TIMEOUT_MS),
    // The image's default heap (1 GB a broker) does not fit three brokers into a small Docker Desktop VM.
    KAFKA_HEAP_OPTS: "-Xms64m -Xmx512m",
  };
}

function brokerHost(id: number): string {
  return `kafka-${id}`;
}

/**
 * Removes the cluster's containers, then its network. A container created meanwhile (a start still in flight)
 * keeps the network busy (403 "has active endpoints"): sweep again until nothing carries the label.
 */
async function removeLabelled(client: ContainerRuntimeClient, clusterId: string): Promise<void> {
  const filters = { label: [`${CLUSTER_LABEL}=${clusterId}`] };
  const { dockerode } = client.container;
  await pollUntil(
    async () => {
      const containers = await dockerode.listContainers({ all: true, filters });
      await Promise.all(containers.map((c) => tolerate([404, 409], () => client.container.getById(c.Id).remove({ force: true, v: true }))));
      const networks = await dockerode.listNetworks({ filters });
      await Promise.all(networks.map((n) => tolerate([403, 404, 409], () => client.network.getById(n.Id).remove())));
      const left = [...(await dockerode.listContainers({ all: true, filters })), ...(await dockerode.listNetworks({ filters }))];
      return left.length === 0;
    },
    { timeoutMs: 60_000, intervalMs: 250, description: `the containers and network of cluster ${clusterId} to be removed` },
  );
}

function settledWithin(work: Promise<unknown>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  return Promise.race([work.then(() => undefined, () => undefined), timeout]).finally(() => clearTimeout(timer));
}

async function exitsWithin(container: DockerContainer, timeoutMs: number): Promise<boolean> {
  try {
    await pollUntil(async () => !(await isRunning(container)), { timeoutMs, intervalMs: 250, description: "the container to exit" });
    return true;
  } catch (error) {
    if (error instanceof PollTimeoutError) return false;
    throw error;
  }
}

async function isRunning(container: DockerContainer): Promise<boolean> {
  try {
    return (await container.inspect()).State.Running;
  } catch (error) {
    if (statusOf(error) === 404) return false;
    throw error;
  }
}

/** Runs a Docker API call for which these HTTP statuses mean "already so" (304 started, 404 gone, 409 not running). */
async function tolerate(statuses: number[], call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    if (!statuses.includes(statusOf(error) ?? 0)) throw error;
  }
}

function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number } | null)?.statusCode;
}

/** The command-line client for `docker exec`: docker, or podman where that is all there is. */
function containerCli(): string | undefined {
  return ["docker", "podman"].find((cli) => !spawnSync(cli, ["--version"], { stdio: "ignore" }).error);
}

async function logTail(container: DockerContainer): Promise<string | undefined> {
  try {
    return demuxLogs(await container.logs({ stdout: true, stderr: true, tail: LOG_TAIL_LINES, follow: false })).trimEnd();
  } catch {
    return undefined;
  }
}

/** Without a TTY, Docker frames log output: 1 byte stream type, 3 zero bytes, a 4-byte big-endian length, the bytes. */
function demuxLogs(raw: Buffer): string {
  const chunks: string[] = [];
  for (let offset = 0; offset + 8 <= raw.length; offset += 8 + raw.readUInt32BE(offset + 4)) {
    chunks.push(raw.subarray(offset + 8, offset + 8 + raw.readUInt32BE(offset + 4)).toString("utf8"));
  }
  return chunks.join("");
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}
