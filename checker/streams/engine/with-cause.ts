/** Attaches the original error, as Java's exception chaining does. */
export function withCause<E extends Error>(error: E, cause: unknown): E {
  error.cause = cause;
  return error;
}
