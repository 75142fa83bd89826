// Errors a learner can meet while a cluster starts or runs. Each carries the fix, so the CLI can print
// one clear line instead of a stack trace; `retriable` says whether trying again may help.
export class ClusterError extends Error {
  override name = "ClusterError";
  readonly retriable: boolean = false;
  constructor(
    message: string,
    readonly fix: string,
    readonly details?: string,
  ) {
    super(message);
  }
}

export class JavaMissingError extends ClusterError {
  override name = "JavaMissingError";
}
export class MavenMissingError extends ClusterError {
  override name = "MavenMissingError";
}
export class MavenResolutionError extends ClusterError {
  override name = "MavenResolutionError";
  override readonly retriable = true;
}
export class DockerUnavailableError extends ClusterError {
  override name = "DockerUnavailableError";
  override readonly retriable = true;
}
export class NoProviderError extends ClusterError {
  override name = "NoProviderError";
}
export class PortTakenError extends ClusterError {
  override name = "PortTakenError";
  override readonly retriable = true;
}
export class BrokerStartError extends ClusterError {
  override name = "BrokerStartError";
}
export class NotSupportedError extends ClusterError {
  override name = "NotSupportedError";
}
export class NoClusterError extends ClusterError {
  override name = "NoClusterError";
}
export class ExternalConfigError extends ClusterError {
  override name = "ExternalConfigError";
}
export class ClusterTimeoutError extends ClusterError {
  override name = "ClusterTimeoutError";
  override readonly retriable = true;
}
export class ImagePullError extends ClusterError {
  override name = "ImagePullError";
  override readonly retriable = true;
}
