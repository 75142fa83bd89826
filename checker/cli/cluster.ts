// npm run cluster -- up | status | down
import chalk from "chalk";
import { Command, Option } from "commander";
import type { KafkaCluster } from "../cluster/kafka-cluster.ts";
import { PROVIDERS, ensureCluster, requestedProvider, recordedCluster, stopStrayProcesses } from "../cluster/provider.ts";
import { clearState } from "../cluster/state.ts";
import { progress, runCommand } from "./render.ts";

const program = new Command("cluster").description("Start, inspect and stop the practice Kafka cluster.");

function describeMode(cluster: KafkaCluster): string {
  return cluster.mode === "kraft" ? "KRaft mode" : cluster.mode === "zookeeper" ? "ZooKeeper mode" : "mode unknown";
}

function formatUptime(since: Date): string {
  const seconds = Math.round((Date.now() - since.getTime()) / 1000);
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

program
  .command("up")
  .description("start a 3-broker cluster in the background (or reuse the running one)")
  .addOption(new Option("--provider <name>", "where Kafka runs (default: docker if an engine answers, else local)").choices(["auto", ...PROVIDERS]))
  .addOption(new Option("--mode <mode>", "metadata mode (local provider: both; docker: zookeeper)").choices(["zookeeper", "kraft"]))
  .option("--fixed-ports", "fail if 2181/9092-9094 are taken instead of moving to free ports")
  .action((options: { provider?: string; mode?: "zookeeper" | "kraft"; fixedPorts?: boolean }) =>
    runCommand(async () => {
      const display = progress("looking for a running cluster");
      const started = Date.now();
      const { cluster, reused } = await ensureCluster({ ...options, provider: requestedProvider(options.provider), detached: true, listener: display }).finally(() =>
        display.stop(),
      );
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (cluster.provider === "external") display.succeed(`Using the external cluster: ${(await cluster.brokers()).length} broker(s) answer`);
      else if (reused) display.succeed(`Reusing the running ${cluster.provider} cluster (${describeMode(cluster)}, up ${formatUptime(cluster.startedAt)})`);
      else display.succeed(`Kafka ${cluster.kafkaVersion} cluster ready: ${cluster.provider}, ${describeMode(cluster)}, 3 brokers, in ${seconds} s`);
      console.log(`bootstrap servers: ${chalk.bold(cluster.bootstrapServers.join(","))}`);
      console.log(chalk.dim("try: npm run kafka -- kafka-topics --list    ·    stop: npm run cluster -- down"));
    }),
  );

program
  .command("status")
  .description("show provider, mode, Kafka version, brokers, controller and uptime")
  .option("--json", "machine-readable output")
  .action((options: { json?: boolean }) =>
    runCommand(async () => {
      const cluster = await recordedCluster({ notice: (text) => console.error(`${chalk.yellow("!")} ${text}`) });
      if (!cluster) {
        if (options.json) console.log(JSON.stringify({ running: false }));
        else console.log(`No cluster is running. Start one with: ${chalk.bold("npm run cluster -- up")}`);
        return 1;
      }
      const [brokers, controller] = await Promise.all([cluster.brokers(), cluster.controllerId()]);
      if (options.json) {
        const { id, provider, mode, kafkaVersion, bootstrapServers, startedAt } = cluster;
        console.log(JSON.stringify({ running: true, id, provider, mode, kafkaVersion, bootstrapServers, controller: controller ?? null, startedAt, brokers }, null, 2));
        return 0;
      }
      console.log(`${chalk.bold("provider")}    ${cluster.provider}`);
      console.log(`${chalk.bold("mode")}        ${describeMode(cluster)}`);
      console.log(`${chalk.bold("kafka")}       ${cluster.kafkaVersion}`);
      console.log(`${chalk.bold("uptime")}      ${formatUptime(cluster.startedAt)}`);
      console.log(`${chalk.bold("controller")}  ${controller === undefined ? chalk.red("none elected") : `broker ${controller}`}`);
      console.log(`${chalk.bold("bootstrap")}   ${cluster.bootstrapServers.join(",")}`);
      for (const broker of brokers) {
        const state = broker.up ? chalk.green("up") : chalk.red("down");
        console.log(`  broker ${broker.id}  ${broker.host}:${broker.port}  ${state}${broker.id === controller ? chalk.dim("  (controller)") : ""}`);
      }
      return 0;
    }),
  );

program
  .command("down")
  .description("stop the cluster and remove its data")
  .action(() =>
    runCommand(async () => {
      const cluster = await recordedCluster({ notice: (text) => console.error(`${chalk.yellow("!")} ${text}`) });
      const strays = cluster ? 0 : await stopStrayProcesses();
      if (!cluster) {
        clearState();
        console.log(strays > 0 ? `Stopped ${strays} stray Kafka process(es); no cluster was recorded.` : "No cluster is running.");
        return 0;
      }
      const display = progress(`stopping the ${cluster.provider} cluster`);
      await cluster.stop();
      display.succeed(`Stopped the ${cluster.provider} cluster and removed its data.`);
      return 0;
    }),
  );

await program.parseAsync();
