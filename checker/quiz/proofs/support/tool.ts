// Runs one of Apache Kafka's command-line tools against the cluster and captures what it prints.
import { execFile } from "node:child_process";
import type { KafkaCluster } from "../../../cluster/kafka-cluster.ts";
import { findTool } from "../../../cluster/tools.ts";

export interface ToolResult {
  stdout: string;
  stderr: string;
}

export async function runTool(cluster: KafkaCluster, name: string, args: string[]): Promise<ToolResult> {
  const tool = findTool(name);
  if (!tool) throw new Error(`no Kafka tool named ${name}`);
  const invocation = await cluster.toolInvocation(tool, args);
  return new Promise((resolve, reject) => {
    execFile(invocation.command, invocation.args, { env: { ...process.env, ...invocation.env }, timeout: 60_000 }, (error, stdout, stderr) => {
      // A non-zero exit still comes with the tool's answer, which is what a proof shows; only a tool that did not run is an error.
      if (error && typeof error.code !== "number") reject(error);
      else resolve({ stdout, stderr });
    });
  });
}

/** The first line of the tool's output that mentions `word`, trimmed, for quoting in a narration. */
export function lineMentioning(result: ToolResult, word: string): string | undefined {
  return `${result.stdout}\n${result.stderr}`
    .split("\n")
    .map((line) => line.trim())
    .find((line) => line.toLowerCase().includes(word.toLowerCase()));
}
