/** How long a dialect waits for a server that accepts a connection but does not answer. */
export interface ConnectOptions {
  /** Seconds for the connection and the server's handshake; DEFAULT_CONNECT_TIMEOUT when not given. */
  readonly connectTimeout?: number;
}

export const DEFAULT_CONNECT_TIMEOUT = 10;

/** The server did not answer within the connect timeout; every dialect raises this one error for it. */
export class ConnectTimeoutError extends Error {
  override readonly name = "ConnectTimeoutError";
  constructor(readonly seconds: number) {
    super(`no answer within ${seconds} s`);
  }
}
