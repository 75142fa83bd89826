import { execFileSync } from "node:child_process";
import { isListening } from "../../checker/cluster/ports.ts";

/** Kafka and ZooKeeper JVMs whose command line mentions `fragment` (a state folder or a cluster id). */
export function kafkaProcessesMatching(fragment: string): string[] {
  return execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" })
    .split("\n")
    .filter((line) => /kafka\.Kafka|QuorumPeerMain|StorageTool/.test(line) && line.includes(fragment));
}

export async function listeningPorts(ports: number[]): Promise<number[]> {
  const open = await Promise.all(ports.map(async (port) => ((await isListening(port)) ? port : undefined)));
  return open.filter((port): port is number => port !== undefined);
}

/** Child processes that run learner code (including a spare kept ready). */
export function learnerProcesses(): string[] {
  return execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" })
    .split("\n")
    .filter((line) => line.includes("checker/runner/child.ts"));
}
