/** Types of server.mjs: the static server shared by the CLI and the end-to-end tests. */

/** A running static server. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The app's page: `<origin>/`. */
  readonly url: string;
  /** Registers a local file and returns the same-origin URL the page can fetch it from. */
  addInput(file: string): string;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/** Starts a static server for `root` on 127.0.0.1 with a random port. */
export function startServer(options: { root: string; isolate?: boolean }): Promise<StaticServer>;
