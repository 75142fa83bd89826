// npm run images:build: the docker provider's images, built locally (for CI and machines without a registry).
import chalk from "chalk";
import { buildImages } from "../cluster/docker/images/build.ts";
import { runCommand } from "./render.ts";

await runCommand(async () => {
  const started = Date.now();
  const images = await buildImages((line) => console.error(`… ${line}`));
  const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;
  console.log(`${chalk.green("✔")} ${images.kafka} and ${images.zookeeper} ${images.built ? "built" : "are up to date"} (${took})`);
  if (!process.env.KAFKALINGS_KAFKA_IMAGE) {
    console.log(chalk.dim(`use them: KAFKALINGS_KAFKA_IMAGE=${images.kafka} KAFKALINGS_ZOOKEEPER_IMAGE=${images.zookeeper} npm run cluster -- up --provider docker`));
  }
});
