// Pulls the images a cluster needs, saying first how much is coming, showing progress, and giving up with a clear
// message when the engine stops making progress (a stalled registry connection would otherwise hang forever).
import type Dockerode from "dockerode";
import { ImagePullError } from "../errors.ts";
import type { StartListener } from "../start-listener.ts";

/** Confluent's cp-zookeeper and cp-kafka 7.9 images together, uncompressed, on linux/amd64 and arm64. */
export const IMAGES_SIZE_NOTE = "about 1 GB";
export const PULL_STALL_MS = Number(process.env.KAFKALINGS_PULL_STALL_MS ?? 120_000);

interface PullEvent {
  id?: string;
  status?: string;
  error?: string;
  progressDetail?: { current?: number; total?: number };
}

const PULL_FIX = "check the internet connection (or pull through a registry mirror: TESTCONTAINERS_HUB_IMAGE_NAME_PREFIX), or use the local provider: --provider local";

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1_000_000)} MB`;
}

export async function pullImages(docker: Dockerode, images: string[], listener: StartListener, stallMs = PULL_STALL_MS): Promise<void> {
  if (images.length === 0) return;
  listener.notice?.(`Docker needs ${images.join(" and ")} (${IMAGES_SIZE_NOTE}, once); pulling them now`);
  const layers = new Map<string, { current: number; total: number }>();
  const report = () => {
    const sizes = [...layers.values()];
    const total = sizes.reduce((sum, layer) => sum + layer.total, 0);
    if (total > 0) listener.step?.(`pulling images: ${megabytes(sizes.reduce((sum, layer) => sum + layer.current, 0))} of ${megabytes(total)}`);
  };
  await Promise.all(
    images.map(
      (image) =>
        new Promise<void>((resolve, reject) => {
          let stallTimer: NodeJS.Timeout | undefined;
          let stream: NodeJS.ReadableStream & { destroy?: () => void };
          const fail = (message: string) => {
            clearTimeout(stallTimer);
            stream?.destroy?.();
            reject(new ImagePullError(message, PULL_FIX));
          };
          const stalled = () => fail(`Pulling ${image} made no progress for ${stallMs / 1000} s; the Docker engine or its registry connection seems stuck.`);
          const progressed = () => {
            clearTimeout(stallTimer);
            stallTimer = setTimeout(stalled, stallMs);
          };
          progressed();
          docker.pull(image, (error: Error | null, pulling: NodeJS.ReadableStream) => {
            if (error) return fail(`Docker could not pull ${image}: ${error.message.split("\n")[0]}`);
            stream = pulling;
            docker.modem.followProgress(
              pulling,
              (finished: Error | null) => {
                clearTimeout(stallTimer);
                if (finished) fail(`Docker could not pull ${image}: ${finished.message.split("\n")[0]}`);
                else resolve();
              },
              (event: PullEvent) => {
                progressed();
                if (event.error) return fail(`Docker could not pull ${image}: ${event.error}`);
                const { current, total } = event.progressDetail ?? {};
                if (event.id && total) layers.set(`${image}/${event.id}`, { current: current ?? 0, total });
                report();
              },
            );
          });
        }),
    ),
  );
}
