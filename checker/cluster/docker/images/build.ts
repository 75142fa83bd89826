// npm run images:build — builds the two images the docker provider runs, with no registry: a Debian root file
// system with a JRE (debootstrap from Debian's mirror, imported once) plus the Apache Kafka jars Maven resolves.
// They honour the cp-zookeeper / cp-kafka 7.9 contract the provider and @testcontainers/kafka rely on, and are
// tagged with the names the provider reads from its image settings (KAFKALINGS_KAFKA_IMAGE, KAFKALINGS_ZOOKEEPER_IMAGE).
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ClusterError } from "../../errors.ts";
import { ensureKafkaJars } from "../../local/jars.ts";
import { KAFKA_VERSION, cacheDir } from "../../settings.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
const BASE_IMAGE = "kafkalings/debian-jre:bookworm-17";
const BASE_PACKAGES = ["openjdk-17-jre-headless", "procps", "bash"];
const DEBIAN_MIRROR = process.env.KAFKALINGS_DEBIAN_MIRROR ?? "http://deb.debian.org/debian";
/** Tags used when the image settings are not given: ours, so nothing is mistaken for Confluent's own images. */
export const LOCAL_IMAGES = {
  kafka: `kafkalings/cp-kafka:7.9.1-kafka${KAFKA_VERSION}`,
  zookeeper: `kafkalings/cp-zookeeper:7.9.1-kafka${KAFKA_VERSION}`,
};
const BUILD_LABEL = "kafkalings.build";

export class ImageBuildError extends ClusterError {
  override name = "ImageBuildError";
}

function run(command: string, args: string[], options: { input?: NodeJS.ReadableStream; quiet?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: [options.input ? "pipe" : "ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk));
    if (options.input) options.input.pipe(child.stdin!);
    child.once("error", (error) => reject(new ImageBuildError(`${command} could not run: ${error.message}`, fixFor(command))));
    child.once("close", (code) => (code === 0 ? resolve(output) : reject(new ImageBuildError(`${command} ${args[0]} failed (exit ${code})`, fixFor(command), output.trim().split("\n").slice(-15).join("\n")))));
  });
}

function fixFor(command: string): string {
  if (command === "debootstrap") return "run as root on Debian/Ubuntu with debootstrap installed (apt-get install debootstrap), or pull Confluent's images instead";
  return "install Docker and start its engine (docker version must answer), then run again";
}

async function imageLabel(image: string): Promise<string | undefined> {
  const output = await run("docker", ["image", "inspect", "--format", `{{ index .Config.Labels "${BUILD_LABEL}" }}`, image]).catch(() => undefined);
  return output?.trim();
}

/** The Debian root file system with a JRE, imported as an image once per engine. */
async function ensureBaseImage(say: (line: string) => void): Promise<void> {
  if ((await imageLabel(BASE_IMAGE)) !== undefined) return;
  const rootfs = join(cacheDir(), "docker-base", "rootfs");
  if (!existsSync(join(rootfs, "usr", "bin", "java"))) {
    say(`debootstrap: Debian bookworm with ${BASE_PACKAGES.join(", ")} from ${DEBIAN_MIRROR} (once, about 1 minute)`);
    rmSync(rootfs, { recursive: true, force: true });
    await run("debootstrap", ["--variant=minbase", `--include=${BASE_PACKAGES.join(",")}`, "bookworm", rootfs, DEBIAN_MIRROR]);
    rmSync(join(rootfs, "var", "cache", "apt", "archives"), { recursive: true, force: true });
  }
  say(`importing ${BASE_IMAGE}`);
  const tar = spawn("tar", ["-C", rootfs, "-c", "."], { stdio: ["ignore", "pipe", "inherit"] });
  await run("docker", ["import", "--change", `LABEL ${BUILD_LABEL}=base`, "-", BASE_IMAGE], { input: tar.stdout });
}

/** A hash of everything that goes into the images: unchanged inputs mean no rebuild. */
function buildHash(jars: string): string {
  const hash = createHash("sha256").update(KAFKA_VERSION).update(readdirSync(jars).sort().join("\n"));
  for (const file of readdirSync(HERE).sort()) hash.update(file).update(readFileSync(join(HERE, file)));
  return hash.digest("hex").slice(0, 16);
}

export async function buildImages(say: (line: string) => void = console.error): Promise<{ kafka: string; zookeeper: string; built: boolean }> {
  const tags = { kafka: process.env.KAFKALINGS_KAFKA_IMAGE ?? LOCAL_IMAGES.kafka, zookeeper: process.env.KAFKALINGS_ZOOKEEPER_IMAGE ?? LOCAL_IMAGES.zookeeper };
  await run("docker", ["version", "--format", "{{.Server.Version}}"]);
  const jars = await ensureKafkaJars(say);
  const hash = buildHash(jars);
  const labels = await Promise.all([imageLabel(tags.kafka), imageLabel(tags.zookeeper)]);
  if (labels.every((label) => label === hash)) return { ...tags, built: false };
  await ensureBaseImage(say);
  const context = mkdtempSync(join(tmpdir(), "kafkalings-images-"));
  try {
    cpSync(HERE, context, { recursive: true, filter: (source) => !source.endsWith(".ts") });
    cpSync(jars, join(context, "lib"), { recursive: true });
    for (const [target, tag] of Object.entries(tags)) {
      say(`building ${tag}`);
      await run("docker", ["build", "--target", target, "--build-arg", `BASE_IMAGE=${BASE_IMAGE}`, "--label", `${BUILD_LABEL}=${hash}`, "-t", tag, context]);
    }
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
  return { ...tags, built: true };
}
