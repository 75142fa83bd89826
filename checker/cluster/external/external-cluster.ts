// The external provider: an existing cluster (Confluent Cloud, a company cluster) given by environment variables.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { KafkaConfig, SASLOptions } from "kafkajs";
import { describeMembership, withAdmin } from "../admin.ts";
import { ExternalConfigError, NotSupportedError } from "../errors.ts";
import type { BrokerInfo, KafkaCluster, ToolInvocation } from "../kafka-cluster.ts";
import { ensureKafkaJars } from "../local/jars.ts";
import { detectJava } from "../local/java.ts";
import { JVM_OPTIONS } from "../local/configs.ts";
import { completeToolArgs, type KafkaTool } from "../tools.ts";

const SASL_MECHANISMS = ["plain", "scram-sha-256", "scram-sha-512"] as const;
type SaslMechanism = (typeof SASL_MECHANISMS)[number];

export interface ExternalSettings {
  bootstrapServers: string[];
  ssl: boolean;
  sasl?: { mechanism: SaslMechanism; username: string; password: string };
}

const ENV_HELP = "set KAFKA_BOOTSTRAP_SERVERS=host:port[,host:port…], and for Confluent Cloud also KAFKA_SASL_MECHANISM=plain, KAFKA_SASL_USERNAME=<api key>, KAFKA_SASL_PASSWORD=<api secret>";

/** Reads KAFKA_BOOTSTRAP_SERVERS, KAFKA_SASL_MECHANISM/USERNAME/PASSWORD and KAFKA_SSL (on by default with SASL). */
export function externalSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): ExternalSettings {
  const bootstrapServers = (env.KAFKA_BOOTSTRAP_SERVERS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (bootstrapServers.length === 0) throw new ExternalConfigError("The external provider needs KAFKA_BOOTSTRAP_SERVERS, which is not set.", ENV_HELP);
  const malformed = bootstrapServers.find((server) => !/^[^\s:]+:\d+$/.test(server));
  if (malformed) throw new ExternalConfigError(`KAFKA_BOOTSTRAP_SERVERS has "${malformed}", which is not host:port.`, ENV_HELP);
  const mechanism = env.KAFKA_SASL_MECHANISM?.toLowerCase();
  let sasl: ExternalSettings["sasl"];
  if (mechanism) {
    if (!SASL_MECHANISMS.includes(mechanism as SaslMechanism)) {
      throw new ExternalConfigError(`KAFKA_SASL_MECHANISM is "${env.KAFKA_SASL_MECHANISM}", which kafkalings does not support.`, `use one of ${SASL_MECHANISMS.join(", ")}`);
    }
    if (!env.KAFKA_SASL_USERNAME || !env.KAFKA_SASL_PASSWORD) {
      throw new ExternalConfigError("KAFKA_SASL_MECHANISM is set but KAFKA_SASL_USERNAME or KAFKA_SASL_PASSWORD is missing.", ENV_HELP);
    }
    sasl = { mechanism: mechanism as SaslMechanism, username: env.KAFKA_SASL_USERNAME, password: env.KAFKA_SASL_PASSWORD };
  }
  const ssl = env.KAFKA_SSL ? env.KAFKA_SSL === "true" : sasl !== undefined;
  return { bootstrapServers, ssl, sasl };
}

/** The Java client's properties for the same settings, for the CLI tools' --command-config. */
export function javaClientProperties(settings: ExternalSettings): string {
  const protocol = `${settings.sasl ? "SASL_" : ""}${settings.ssl ? "SSL" : "PLAINTEXT"}`;
  const lines = [`security.protocol=${protocol}`];
  if (settings.sasl) {
    const { mechanism, username, password } = settings.sasl;
    const module = mechanism === "plain" ? "org.apache.kafka.common.security.plain.PlainLoginModule" : "org.apache.kafka.common.security.scram.ScramLoginModule";
    lines.push(`sasl.mechanism=${mechanism.toUpperCase()}`, `sasl.jaas.config=${module} required username="${username}" password="${password}";`);
  }
  return `${lines.join("\n")}\n`;
}

export class StartedExternalCluster implements KafkaCluster {
  readonly provider = "external" as const;
  readonly mode = "unknown" as const;
  readonly kafkaVersion = "unknown";
  readonly startedAt = new Date();
  readonly id: string;

  constructor(private readonly settings: ExternalSettings = externalSettingsFromEnv()) {
    this.id = `external-${settings.bootstrapServers[0]}`;
  }

  get bootstrapServers() {
    return this.settings.bootstrapServers;
  }

  clientConfig(clientId = "kafkalings"): KafkaConfig {
    const sasl = this.settings.sasl ? ({ ...this.settings.sasl } as SASLOptions) : undefined;
    return { clientId, brokers: this.bootstrapServers, ssl: this.settings.ssl, sasl };
  }

  async brokers(): Promise<BrokerInfo[]> {
    try {
      return await withAdmin(this.clientConfig(), async (admin) =>
        (await admin.describeCluster()).brokers.map((broker) => ({ id: broker.nodeId, host: broker.host, port: broker.port, up: true })),
      );
    } catch (error) {
      throw new ExternalConfigError(
        `The external cluster at ${this.bootstrapServers.join(",")} could not be reached: ${(error as Error).message}.`,
        "check KAFKA_BOOTSTRAP_SERVERS, the SASL/SSL settings (KAFKA_SASL_*, KAFKA_SSL) and your network",
      );
    }
  }

  async controllerId(): Promise<number | undefined> {
    const { controller } = await describeMembership(this.clientConfig());
    return controller === null || controller < 0 ? undefined : controller;
  }

  stopBroker(): Promise<void> {
    return this.notAvailable("stopping a broker");
  }
  killBroker(): Promise<void> {
    return this.notAvailable("killing a broker");
  }
  startBroker(): Promise<void> {
    return this.notAvailable("starting a broker");
  }

  /** Runs the tools on this machine's Java with a client config file for SSL/SASL. */
  async toolInvocation(tool: KafkaTool, args: string[]): Promise<ToolInvocation> {
    const java = detectJava();
    const jars = await ensureKafkaJars();
    const target = { bootstrapServers: this.bootstrapServers, clientPropertiesFile: this.writeClientProperties() };
    return { command: java.path, args: [...JVM_OPTIONS.tool, ...JVM_OPTIONS.common, "-cp", join(jars, "*"), tool.mainClass, ...completeToolArgs(tool, args, target)] };
  }

  /** A client properties file for tools that take --command-config (or the producer/consumer variants). */
  private writeClientProperties(): string {
    const file = join(mkdtempSync(join(tmpdir(), "kafkalings-")), "client.properties");
    writeFileSync(file, javaClientProperties(this.settings), { mode: 0o600 });
    return file;
  }

  /** An external cluster is not ours: stopping it only lets go of it. */
  async stop(): Promise<void> {}

  async [Symbol.asyncDispose](): Promise<void> {}

  private async notAvailable(action: string): Promise<never> {
    throw new NotSupportedError(`Fault injection (${action}) is not available on an external cluster.`, "run this on the local or docker provider: --provider local");
  }
}
