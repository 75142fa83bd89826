import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
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

const LOOPBACK_HEX = new Set(["0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000"]);

/**
 * The local addresses on which something listens on `port`, read from /proc/net/tcp and tcp6 (Linux; no `ss`
 * needed): "loopback", "any" (0.0.0.0 or ::), or the address in kernel hex.
 */
export function listenAddressesOf(port: number): string[] {
  const portHex = port.toString(16).toUpperCase().padStart(4, "0");
  return ["/proc/net/tcp", "/proc/net/tcp6"].flatMap((table) =>
    readFileSync(table, "utf8")
      .split("\n")
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[3] === "0A" && fields[1]?.endsWith(`:${portHex}`))
      .map((fields) => {
        const address = fields[1]!.split(":")[0]!;
        if (LOOPBACK_HEX.has(address)) return "loopback";
        return /^0+$/.test(address) ? "any" : address;
      }),
  );
}
