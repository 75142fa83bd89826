// npm run kafka -- <tool> [args…]: the real Apache Kafka CLI tools, pointed at the running cluster.
import { spawn } from "node:child_process";
import chalk from "chalk";
import { NoClusterError, ClusterError } from "../cluster/errors.ts";
import { StartedExternalCluster } from "../cluster/external/external-cluster.ts";
import type { KafkaCluster } from "../cluster/kafka-cluster.ts";
import { recordedCluster, requestedProvider } from "../cluster/provider.ts";
import { KAFKA_TOOLS, findTool } from "../cluster/tools.ts";
import { runCommand } from "./render.ts";

const USAGE = `usage: npm run kafka -- <tool> [arguments…]   e.g. npm run kafka -- kafka-topics --list
tools: ${KAFKA_TOOLS.map((tool) => tool.name).join(", ")}`;

async function targetCluster(): Promise<KafkaCluster> {
  if (requestedProvider() === "external") return new StartedExternalCluster();
  const cluster = await recordedCluster({ notice: (text) => console.error(`${chalk.yellow("!")} ${text}`) });
  if (!cluster) throw new NoClusterError("No Kafka cluster is running.", "start one with `npm run cluster -- up`, then run this again");
  return cluster;
}

function run(command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
    // Ctrl+C reaches the tool too (same process group); we wait for it to finish and pass on its status.
    const ignore = () => {};
    process.on("SIGINT", ignore);
    child.once("error", reject);
    child.once("close", (code, signal) => {
      process.off("SIGINT", ignore);
      resolve(code ?? (signal === "SIGINT" ? 130 : 1));
    });
  });
}

await runCommand(async () => {
  const [name, ...args] = process.argv.slice(2);
  if (!name || name === "--help" || name === "-h") {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const tool = findTool(name);
  if (!tool) throw new ClusterError(`Unknown Kafka tool "${name}".`, `use one of: ${KAFKA_TOOLS.map((t) => t.name).join(", ")}`);
  const cluster = await targetCluster();
  if (tool.zookeeper && cluster.mode !== "zookeeper") {
    throw new ClusterError(`${tool.name} talks to ZooKeeper, and this cluster runs in ${cluster.mode} mode.`, "start a ZooKeeper-mode cluster: npm run cluster -- down && npm run cluster -- up --mode zookeeper");
  }
  const invocation = await cluster.toolInvocation(tool, args);
  return run(invocation.command, invocation.args, invocation.env);
});
