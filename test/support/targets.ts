// The clusters the shared cluster suite runs on: the local provider in both modes, and the docker provider when
// the run says an engine with the images is there (CI builds them and sets KAFKALINGS_TEST_DOCKER=1).
import { execFileSync } from "node:child_process";
import type { ClusterMode, ProviderName } from "../../checker/cluster/kafka-cluster.ts";
import { kafkaProcessesMatching } from "./processes.ts";

export interface ClusterTarget {
  name: string;
  provider: Extract<ProviderName, "local" | "docker">;
  mode: ClusterMode;
}

export const DOCKER_UNDER_TEST = process.env.KAFKALINGS_TEST_DOCKER === "1";

export const CLUSTER_TARGETS: ClusterTarget[] = [
  { name: "local provider, ZooKeeper mode", provider: "local", mode: "zookeeper" },
  { name: "local provider, KRaft mode", provider: "local", mode: "kraft" },
  ...(DOCKER_UNDER_TEST ? [{ name: "docker provider, ZooKeeper mode", provider: "docker", mode: "zookeeper" } as const] : []),
];

/** Containers and networks of one docker cluster (or of every kafkalings cluster), by the label the provider sets. */
export function dockerLeftovers(clusterId?: string): string[] {
  const filter = `label=kafkalings.cluster${clusterId ? `=${clusterId}` : ""}`;
  const list = (args: string[], field: string) => execFileSync("docker", [...args, "--filter", filter, "--format", `{{.${field}}}`], { encoding: "utf8" }).split("\n").filter(Boolean);
  return [...list(["ps", "-a"], "Names").map((name) => `container ${name}`), ...list(["network", "ls"], "Name").map((name) => `network ${name}`)];
}

/** What a stopped cluster must not leave behind: JVMs for the local provider, containers and networks for docker. */
export function leftoversOf(target: Pick<ClusterTarget, "provider">, stateDir: string, clusterId: string): string[] {
  return target.provider === "docker" ? dockerLeftovers(clusterId) : kafkaProcessesMatching(stateDir);
}
