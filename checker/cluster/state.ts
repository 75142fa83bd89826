// The record of the running cluster, kept in a file so that later commands and test runs reuse it.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import lockfile from "proper-lockfile";
import { z } from "zod";
import { stateDir } from "./settings.ts";

const STATE_VERSION = 1;

const brokerProcess = z.object({
  id: z.number().int(),
  port: z.number().int(),
  controllerPort: z.number().int().optional(),
  pid: z.number().int().optional(),
  configFile: z.string(),
  logFile: z.string(),
});

const common = {
  version: z.literal(STATE_VERSION),
  id: z.string(),
  mode: z.enum(["zookeeper", "kraft"]),
  kafkaVersion: z.string(),
  startedAt: z.string(),
  /** The process that started the cluster for itself; null when `cluster up` left it running on purpose. */
  ownerPid: z.number().int().nullable(),
  bootstrapServers: z.array(z.string()),
  dir: z.string(),
};

export const localRecordSchema = z.object({
  ...common,
  provider: z.literal("local"),
  java: z.string(),
  jarsDir: z.string(),
  zookeeper: z.object({ port: z.number().int(), pid: z.number().int().optional(), configFile: z.string(), logFile: z.string() }).optional(),
  brokers: z.array(brokerProcess),
});

export const dockerRecordSchema = z.object({
  ...common,
  provider: z.literal("docker"),
  networkId: z.string(),
  zookeeperContainerId: z.string(),
  brokers: z.array(z.object({ id: z.number().int(), containerId: z.string(), port: z.number().int() })),
});

const recordSchema = z.discriminatedUnion("provider", [localRecordSchema, dockerRecordSchema]);

export type LocalClusterRecord = z.infer<typeof localRecordSchema>;
export type DockerClusterRecord = z.infer<typeof dockerRecordSchema>;
export type ClusterRecord = z.infer<typeof recordSchema>;


export function stateFile(): string {
  return join(stateDir(), "cluster.json");
}

export interface StateRead {
  record?: ClusterRecord;
  /** Set when the file was unreadable and was moved aside. */
  notice?: string;
}

export function readState(): StateRead {
  const file = stateFile();
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return {};
  }
  try {
    return { record: recordSchema.parse(JSON.parse(text)) };
  } catch (error) {
    const backup = `${file}.corrupt-${Date.now()}`;
    renameSync(file, backup);
    const reason = error instanceof z.ZodError ? `unexpected content at ${error.issues[0]?.path.join(".") || "top level"}` : "not valid JSON";
    return { notice: `The cluster state file ${file} was unreadable (${reason}); it is kept as ${backup} and any stray Kafka processes it described are stopped.` };
  }
}

export function writeState(record: ClusterRecord): void {
  mkdirSync(stateDir(), { recursive: true });
  const file = stateFile();
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(record, null, 2)}\n`);
  renameSync(temporary, file);
}

export function clearState(id?: string): void {
  const { record } = readState();
  if (id && record && record.id !== id) return;
  rmSync(stateFile(), { force: true });
}

/** Serialises cluster start-ups across processes: two `cluster up` at once start one cluster. */
export async function withStateLock<T>(onWait: () => void, action: () => Promise<T>): Promise<T> {
  mkdirSync(stateDir(), { recursive: true });
  const options = { lockfilePath: join(stateDir(), "cluster.lock"), stale: 20_000, update: 5_000 };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(stateDir(), { ...options, retries: 0 });
  } catch {
    onWait();
    release = await lockfile.lock(stateDir(), { ...options, retries: { retries: 1_200, minTimeout: 100, maxTimeout: 250, factor: 1 } });
  }
  try {
    return await action();
  } finally {
    await release().catch(() => undefined);
  }
}
