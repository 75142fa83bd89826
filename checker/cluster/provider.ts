// Chooses a provider, re-attaches to the recorded cluster, or starts one — one cluster per state folder.
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { probeDockerEngine, dockerUnavailableError } from "./docker/docker-engine.ts";
import { DockerCluster, StartedDockerCluster } from "./docker/docker-cluster.ts";
import { ClusterError, JavaMissingError, NoProviderError } from "./errors.ts";
import { StartedExternalCluster } from "./external/external-cluster.ts";
import type { ClusterMode, KafkaCluster, ProviderName } from "./kafka-cluster.ts";
import { jarsCached, mavenVersion } from "./local/jars.ts";
import { detectJava } from "./local/java.ts";
import { LocalCluster, StartedLocalCluster } from "./local/local-cluster.ts";
import { findMarkedProcesses, isAlive, processMark, terminate } from "./processes.ts";
import { stateDir } from "./settings.ts";
import type { StartListener } from "./start-listener.ts";
import { readState, withStateLock, type ClusterRecord } from "./state.ts";

export const PROVIDERS = ["local", "docker", "external"] as const;
export type ProviderChoice = ProviderName | "auto";

export interface ClusterOptions {
  provider?: ProviderChoice;
  mode?: ClusterMode;
  /** Fail on a taken well-known port instead of moving to a free one. */
  fixedPorts?: boolean;
  /** Keep the cluster running after this process exits (`cluster up`). */
  detached?: boolean;
  listener?: StartListener;
}

export type ManagedCluster = StartedLocalCluster | StartedDockerCluster;

export function requestedProvider(option?: string): ProviderChoice {
  const value = option ?? process.env.KAFKALINGS_PROVIDER ?? "auto";
  if (value === "auto" || (PROVIDERS as readonly string[]).includes(value)) return value as ProviderChoice;
  throw new ClusterError(`Unknown provider "${value}".`, `use one of: auto, ${PROVIDERS.join(", ")} (--provider or KAFKALINGS_PROVIDER)`);
}

/** auto: Docker when an engine answers, else the local JVMs when Java and Maven (or cached jars) are there. */
export async function chooseProvider(choice: ProviderChoice, listener: StartListener = {}): Promise<ProviderName> {
  if (choice === "docker") {
    const engine = await probeDockerEngine();
    if (!engine.reachable) throw dockerUnavailableError(engine);
    return "docker";
  }
  if (choice !== "auto") return choice;
  const engine = await probeDockerEngine();
  if (engine.reachable) return "docker";
  if (engine.socket) listener.notice?.(`${engine.reason}; using the local provider instead`);
  let javaProblem: string | undefined;
  try {
    detectJava();
  } catch (error) {
    if (!(error instanceof JavaMissingError)) throw error;
    javaProblem = error.message;
  }
  if (!javaProblem && (jarsCached() || mavenVersion() !== undefined)) return "local";
  const missing = javaProblem ?? "Maven is not installed and the Kafka jars are not cached yet.";
  throw new NoProviderError(
    `No way to run Kafka here: no Docker engine answers, and for the local provider: ${missing}`,
    "install Docker (https://docs.docker.com/get-docker/), or Java 17+ and Maven (Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless maven; macOS: brew install openjdk@17 maven), or point KAFKA_BOOTSTRAP_SERVERS at a cluster and use --provider external",
  );
}

function attach(record: ClusterRecord): ManagedCluster {
  return record.provider === "local" ? new StartedLocalCluster(record) : new StartedDockerCluster(record);
}

/**
 * The cluster the state file records, if it is still there. A record whose owner process is gone, or whose
 * processes/containers are all gone, is cleaned up (with a notice) and undefined is returned.
 */
export async function recordedCluster(listener: StartListener = {}): Promise<ManagedCluster | undefined> {
  const { record, notice } = readState();
  if (notice) {
    listener.notice?.(notice);
    await stopStrayProcesses();
    return undefined;
  }
  if (!record) return undefined;
  const cluster = attach(record);
  if (record.ownerPid !== null && !isAlive(record.ownerPid)) {
    listener.notice?.(`Stopped a cluster left behind by process ${record.ownerPid}, which has ended.`);
    await cluster.stop();
    return undefined;
  }
  if (await cluster.isGone()) {
    listener.notice?.(`The recorded ${record.provider} cluster ${record.id} is no longer running; its record was removed.`);
    await cluster.stop();
    return undefined;
  }
  return cluster;
}

/** JVMs carrying this state folder's mark that no record accounts for. */
export async function stopStrayProcesses(): Promise<number> {
  const strays = findMarkedProcesses(processMark(stateDir()));
  await Promise.all(strays.map((pid) => terminate(pid, "SIGKILL")));
  return strays.length;
}

/** Data folders of clusters that are no longer recorded (left by a crash or a killed process). */
function removeOrphanedData(keep?: string): void {
  const root = join(stateDir(), "clusters");
  let entries: string[] = [];
  try {
    entries = readdirSync(root);
  } catch {
    return;
  }
  for (const entry of entries.filter((name) => name !== keep)) rmSync(join(root, entry), { recursive: true, force: true });
}

export interface EnsuredCluster {
  cluster: KafkaCluster;
  reused: boolean;
}

/** Reuses the recorded cluster (restarting any broker that is down) or starts a new one, under a lock. */
export async function ensureCluster(options: ClusterOptions = {}): Promise<EnsuredCluster> {
  const listener = options.listener ?? {};
  const choice = requestedProvider(options.provider);
  if (choice === "external") return { cluster: new StartedExternalCluster(), reused: true };
  return withStateLock(
    () => listener.step?.("another command is starting the cluster; waiting for it"),
    async () => {
      const existing = await recordedCluster(listener);
      if (existing) {
        assertCompatible(existing, choice, options.mode);
        await restartDownBrokers(existing, listener);
        return { cluster: existing, reused: true };
      }
      await stopStrayProcesses();
      removeOrphanedData();
      const provider = await chooseProvider(choice, listener);
      const mode = options.mode ?? "zookeeper";
      const cluster =
        provider === "docker"
          ? await new DockerCluster().withMode(mode).withDetachedLifetime(options.detached ?? false).withListener(listener).start()
          : await new LocalCluster().withMode(mode).withFixedPorts(options.fixedPorts ?? false).withDetachedLifetime(options.detached ?? false).withListener(listener).start();
      return { cluster, reused: false };
    },
  );
}

function assertCompatible(cluster: ManagedCluster, choice: ProviderChoice, mode: ClusterMode | undefined): void {
  const wrongProvider = choice !== "auto" && choice !== cluster.provider;
  const wrongMode = mode !== undefined && mode !== cluster.mode;
  if (wrongProvider || wrongMode) {
    throw new ClusterError(
      `A ${cluster.provider} cluster in ${cluster.mode === "kraft" ? "KRaft" : "ZooKeeper"} mode is already running, and you asked for ${wrongProvider ? `the ${choice} provider` : `${mode} mode`}.`,
      "stop it first with `npm run cluster -- down`, or leave out --provider/--mode to use it",
    );
  }
}

async function restartDownBrokers(cluster: KafkaCluster, listener: StartListener): Promise<void> {
  for (const broker of await cluster.brokers()) {
    if (broker.up) continue;
    listener.step?.(`broker ${broker.id} is down; starting it again`);
    await cluster.startBroker(broker.id);
  }
}
