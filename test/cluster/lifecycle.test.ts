// `cluster up/status/down` through the CLI, reuse, one cluster for two concurrent `up`s, and nothing left
// behind after `down`, after Ctrl+C to a process that owns its cluster, or after Ctrl+C mid-start.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pollUntil } from "../../checker/cluster/wait.ts";
import { collect, runCli } from "../support/cli.ts";
import { REPO, isolatedStateDir } from "../support/paths.ts";
import { kafkaProcessesMatching, listeningPorts } from "../support/processes.ts";
import { CLUSTER_TARGETS, dockerLeftovers, leftoversOf, type ClusterTarget } from "../support/targets.ts";

function portsOf(bootstrap: string): number[] {
  return bootstrap.split(",").map((server) => Number(server.split(":")[1]));
}

describe("cluster up / status / down", () => {
  const stateDir = isolatedStateDir("cli");
  const env = { KAFKALINGS_STATE_DIR: stateDir, KAFKALINGS_PROVIDER: "local" };

  it("starts one cluster for two concurrent `up`s, reuses it, reports status, and `down` leaves nothing", async () => {
    const [first, second] = await Promise.all([runCli("cluster", ["up"], env), runCli("cluster", ["up"], env)]);
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    expect([first.stderr, second.stderr].filter((text) => text.includes("Reusing the running local cluster"))).toHaveLength(1);
    expect(first.stdout).toMatch(/bootstrap servers: 127\.0\.0\.1:\d+,127\.0\.0\.1:\d+,127\.0\.0\.1:\d+/);
    expect(kafkaProcessesMatching(stateDir)).toHaveLength(4); // ZooKeeper + 3 brokers, not 8

    const again = await runCli("cluster", ["up"], env);
    expect(again.stderr).toContain("Reusing the running local cluster");

    const status = await runCli("cluster", ["status", "--json"], env);
    const parsed = JSON.parse(status.stdout) as { provider: string; mode: string; kafkaVersion: string; controller: number; brokers: { id: number; up: boolean }[]; bootstrapServers: string[] };
    expect(parsed).toMatchObject({ provider: "local", mode: "zookeeper", kafkaVersion: "3.9.2" });
    expect(parsed.brokers.map((b) => b.up)).toEqual([true, true, true]);
    expect([1, 2, 3]).toContain(parsed.controller);
    const human = await runCli("cluster", ["status"], env);
    expect(human.stdout).toMatch(/controller\s+broker [123]/);
    expect(human.stdout).toMatch(/broker 1 {2}127\.0\.0\.1:\d+ {2}up/);

    const down = await runCli("cluster", ["down"], env);
    expect(down.code).toBe(0);
    expect(down.stderr).toContain("Stopped the local cluster");
    expect(kafkaProcessesMatching(stateDir)).toEqual([]);
    expect(await listeningPorts(portsOf(parsed.bootstrapServers.join(",")))).toEqual([]);
    const after = await runCli("cluster", ["status"], env);
    expect(after.stdout).toContain("No cluster is running");
  });

  it("notices a recorded cluster whose processes are all gone (e.g. after a reboot) and removes the record", async () => {
    const up = await runCli("cluster", ["up"], env);
    expect(up.code, up.stderr).toBe(0);
    for (const line of kafkaProcessesMatching(stateDir)) process.kill(Number.parseInt(line.trim(), 10), "SIGKILL");
    await pollUntil(() => kafkaProcessesMatching(stateDir).length === 0, { timeoutMs: 10_000, description: "the JVMs to die" });
    const status = await runCli("cluster", ["status"], env);
    expect(status.stderr).toMatch(/The recorded local cluster local-\w+ is no longer running; its record was removed\./);
    expect(status.stdout).toContain("No cluster is running");
    expect(existsSync(join(stateDir, "cluster.json"))).toBe(false);
  });
});

describe("a process that started its own cluster", () => {
  async function startOwner(stateDir: string, until: RegExp, provider: ClusterTarget["provider"] = "local") {
    const child = spawn(process.execPath, ["--import", "tsx", join(REPO, "test", "fixtures", "own-cluster.ts")], {
      cwd: REPO,
      env: { ...process.env, KAFKALINGS_STATE_DIR: stateDir, TEST_PROVIDER: provider },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const result = collect(child);
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const line = await pollUntil(() => until.exec(output)?.[0], { timeoutMs: 120_000, description: `${until} from the owner process` });
    return { child, result, line };
  }

  // One per provider: the docker provider must remove its containers and network as the local one ends its JVMs.
  const owners = CLUSTER_TARGETS.filter((target) => target.mode === "zookeeper");

  it.each(owners)("leaves no process, container or port behind after SIGINT once ready ($name)", async (target) => {
    const stateDir = isolatedStateDir(`sigint-ready-${target.provider}`);
    const { child, result, line } = await startOwner(stateDir, /READY \S+ \S+/, target.provider);
    const [, bootstrap, clusterId] = line.split(" ") as [string, string, string];
    expect(leftoversOf(target, stateDir, clusterId)).toHaveLength(target.provider === "docker" ? 5 : 4); // ZooKeeper + 3 brokers (+ network)
    child.kill("SIGINT");
    expect((await result).code).toBe(130);
    expect(leftoversOf(target, stateDir, clusterId)).toEqual([]);
    expect(await listeningPorts(portsOf(bootstrap))).toEqual([]);
  });

  it.each(owners)("leaves nothing behind after SIGINT in the middle of starting ($name)", async (target) => {
    const stateDir = isolatedStateDir(`sigint-start-${target.provider}`);
    const { child, result } = await startOwner(stateDir, /STEP starting brokers/, target.provider);
    child.kill("SIGINT");
    await result;
    // The cluster id is not known yet mid-start; no other docker cluster runs during this file.
    expect(target.provider === "docker" ? dockerLeftovers() : kafkaProcessesMatching(stateDir)).toEqual([]);
  });

  it("is cleaned up by the next command when its owner was killed outright", async () => {
    const stateDir = isolatedStateDir("sigkill");
    const { child, result } = await startOwner(stateDir, /READY \S+/);
    child.kill("SIGKILL");
    await result;
    expect(kafkaProcessesMatching(stateDir)).toHaveLength(4);
    const status = await runCli("cluster", ["status"], { KAFKALINGS_STATE_DIR: stateDir });
    expect(status.stderr).toMatch(/Stopped a cluster left behind by process \d+, which has ended/);
    expect(status.stdout).toContain("No cluster is running");
    await pollUntil(() => kafkaProcessesMatching(stateDir).length === 0, { timeoutMs: 10_000, description: "the orphaned JVMs to be gone" });
  });
});
