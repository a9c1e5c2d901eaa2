/**
 * Where domain code reports progress. Each front-end backs it with its own log (the runner's, stderr); tests with an array.
 * Nothing passed here may contain a secret: it is printed as it is.
 */
export interface Log {
  info(message: string): void;
  debug(message: string): void;
  warning(message: string): void;
}
