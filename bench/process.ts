// Runs a Node program as a child process and measures it from the outside:
// wall time from spawn to exit (start-up, reading and output included); peak
// RSS and CPU time, reported by the child itself through the peakRss preload.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

export interface ProcessRun {
  readonly wallMs: number;
  /** Undefined when the child could not report it (killed before exit). */
  readonly peakRssMb?: number;
  /** User + system CPU time of all the child's threads; undefined as peakRssMb is. */
  readonly cpuMs?: number;
  readonly exitCode: number | null;
  readonly stderr: string;
}

export interface RunOptions {
  readonly preload: string;
  /** Where the child's standard output goes: a file, so a large JSON report never waits on this process. */
  readonly stdoutFile: string;
  readonly nodeOptions?: readonly string[];
  readonly cwd?: string;
}

/** The environment without anything that would load extra code into the child (tsx passes its loader through NODE_OPTIONS). */
function childEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  return env;
}

export async function runNode(args: readonly string[], options: RunOptions): Promise<ProcessRun> {
  const rssFile = `${options.stdoutFile}.peak-rss`;
  fs.rmSync(rssFile, { force: true });
  const out = fs.openSync(options.stdoutFile, 'w');
  const stderr: Buffer[] = [];
  try {
    const start = performance.now();
    const child = spawn(process.execPath, [...(options.nodeOptions ?? []), '--require', options.preload, ...args], {
      cwd: options.cwd ?? path.dirname(options.stdoutFile),
      stdio: ['ignore', out, 'pipe'],
      env: childEnvironment({ CORROBORATE_BENCH_PEAK_RSS_FILE: rssFile }),
    });
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve(code));
    });
    const wallMs = performance.now() - start;
    const usage = fs.existsSync(rssFile) ? (JSON.parse(fs.readFileSync(rssFile, 'utf8')) as { maxRssKb: number; cpuMs: number }) : undefined;
    return { wallMs, ...(usage !== undefined ? { peakRssMb: usage.maxRssKb / 1024, cpuMs: usage.cpuMs } : {}), exitCode, stderr: Buffer.concat(stderr).toString() };
  } finally {
    fs.closeSync(out);
    fs.rmSync(rssFile, { force: true });
  }
}
