// Typed errors for configuration and usage faults; bad input data becomes a Diagnostic instead (src/types.ts).

/** An error the CLI prints as is, with an exit code: 2 for usage, 1 for everything else. */
export class KgError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
    this.name = 'KgError';
  }
}

/** A usage error (bad option, unknown entity, bad date): exit code 2. */
export class UsageError extends KgError {
  constructor(code: string, message: string) {
    super(code, message, 2);
    this.name = 'UsageError';
  }
}
