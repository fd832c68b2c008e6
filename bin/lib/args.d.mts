/** Types of args.mjs: the CLI's argument parser. */

/** A mistake in how the command was called (exit code 2). */
export class UsageError extends Error {}

/** The usage text. */
export const USAGE: string;

/** A parsed command line. */
export type Command =
  | { verb: 'help' | 'version' }
  | {
      verb: 'analyze' | 'batch';
      target: string;
      tier: 0 | 1 | 2;
      router: 'fast' | 'vlm';
      budgetMs?: number;
      json?: string;
      out?: string;
      timeoutMs: number;
      shard?: { index: number; count: number };
      /** batch: include subfolders. */
      recursive: boolean;
      isolate: boolean;
      headed: boolean;
      quiet: boolean;
    };

/** Parses argv (without node and the script path); throws UsageError. */
export function parseArgs(argv: string[]): Command;
