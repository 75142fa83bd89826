// Runs live proofs on the cluster: the running one when there is one, or one started on the first proof of the
// session and stopped when the session ends (as `check` does).
import chalk from "chalk";
import type { EnsuredCluster } from "../../cluster/provider.ts";
import type { LiveProof } from "../../quiz/proofs/index.ts";
import { printError, progress } from "../render.ts";

export class ProofRunner {
  private ensured?: EnsuredCluster;

  private async cluster(): Promise<EnsuredCluster> {
    if (this.ensured) return this.ensured;
    // Loaded on the first proof only: the providers (Testcontainers among them) take seconds to load, and most
    // quiz sessions never start a cluster.
    const { ensureCluster } = await import("../../cluster/provider.ts");
    const display = progress("getting the cluster ready");
    this.ensured = await ensureCluster({ listener: display }).finally(() => display.stop());
    return this.ensured;
  }

  /** Narrates the proof and prints what it observed; a failure is printed, and the quiz goes on. Returns whether it ran to the end. */
  async run(proof: LiveProof): Promise<boolean> {
    try {
      const { cluster } = await this.cluster();
      console.log(chalk.bold(`\nLive proof: ${proof.title}`));
      const outcome = await proof.run(cluster, (line) => console.log(`${chalk.dim("│")} ${line}`));
      console.log(`${chalk.green("✔")} ${chalk.bold(outcome.summary)}`);
      for (const [name, value] of Object.entries(outcome.observed)) console.log(chalk.dim(`  ${name}: ${JSON.stringify(value)}`));
      return true;
    } catch (error) {
      printError(error);
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.ensured && !this.ensured.reused) await this.ensured.cluster.stop();
    this.ensured = undefined;
  }
}
