/**
 * What the workerd bench files share: the bench server's address, process CPU and memory read from outside the
 * isolate (bench/server.ts), and the channel that carries results back to Node.
 */
import { inject } from "vitest";
import { EXTRA_HOSTS, type MemoryReport, type ProcStats } from "../protocol";
import { type Summary, summarize } from "../stats";

export function benchUrl(path: string): string {
  return `${inject("benchServer")}${path}`;
}

/** The same server on loopback host 127.0.0.<2 + i mod EXTRA_HOSTS>: feeds that belong to different publishers. */
export function benchUrlOnHost(i: number, path: string): string {
  const url = new URL(benchUrl(path));
  url.hostname = `127.0.0.${2 + (i % EXTRA_HOSTS)}`;
  return url.href;
}

async function call<T>(path: string, method = "GET", body?: string): Promise<T> {
  const res = await fetch(benchUrl(path), { method, body });
  if (!res.ok) throw new Error(`bench: ${method} ${path} answered ${res.status}: ${await res.text()}`);
  return res.json<T>();
}

export function procStats(): Promise<ProcStats> {
  return call<ProcStats>("/proc");
}

export async function feedBytes(name: string): Promise<Uint8Array> {
  const res = await fetch(benchUrl(`/feed/${name}.xml`));
  return new Uint8Array(await res.arrayBuffer());
}

export async function report(name: string, value: unknown): Promise<void> {
  await call(`/results/${name}`, "POST", JSON.stringify(value));
}

export function startMemory(): Promise<unknown> {
  return call("/mem/start", "POST");
}

export function stopMemory(): Promise<MemoryReport> {
  return call<MemoryReport>("/mem/stop", "POST");
}

export interface Measured {
  /** workerd process CPU (all threads) over the work, less the cost of the bracket itself. */
  cpuMs: number;
  /** The main thread's CPU alone (the isolate's JavaScript; no GC or compiler helper threads), less its bracket cost. */
  mainCpuMs: number;
  /** The isolate's own clock over the work; it can read this because the bracket is I/O. */
  wallMs: number;
}

/**
 * Measures `work` between two readings of /proc. The readings are fetches, so the isolate's clock has moved
 * by the time each returns even on a runtime whose clock stands still during pure CPU work.
 */
export async function bracket(work: () => unknown, overheadMs = 0, mainOverheadMs = 0): Promise<Measured> {
  const before = await procStats();
  const t0 = Date.now();
  await work();
  const after = await procStats();
  return {
    cpuMs: Math.max(0, after.cpuMs - before.cpuMs - overheadMs),
    mainCpuMs: Math.max(0, after.mainThreadCpuMs - before.mainThreadCpuMs - mainOverheadMs),
    wallMs: Date.now() - t0,
  };
}

/** The CPU an empty bracket costs (one fetch to the bench server, its JSON, the /proc walk): subtracted after. */
export async function bracketOverhead(): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 7; i++) samples.push((await bracket(() => undefined)).cpuMs);
  return summarize(samples).median;
}

/** The main thread's share of an empty bracket, the twin of bracketOverhead() for `mainCpuMs`. */
export async function mainThreadOverhead(): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 7; i++) samples.push((await bracket(() => undefined)).mainCpuMs);
  return summarize(samples).median;
}

export interface PerStoryFigures {
  /** Per-story CPU, all workerd threads: the distribution over stories (median, p95), each story timed alone. */
  cpu: Summary;
  /** The same, main thread only: what the isolate's JavaScript itself spends. */
  mainCpu: Summary;
  stories: number;
  reps: number;
  method: string;
}

/**
 * Each story timed on its own, as Node's per-story figures are: one bracket around `reps` runs of the same
 * story (the fetches that read /proc cost about 0.3 ms, so one run per bracket would drown in their noise),
 * after a warm-up pass over all stories. One sample per story: the median is a per-story median, not a mean
 * over a batch, which a few long stories pull up.
 */
export async function perStoryEach<T>(
  items: readonly T[],
  reps: number,
  overhead: { all: number; main: number },
  fn: (item: T) => unknown,
  method: string,
): Promise<PerStoryFigures> {
  for (const item of items) fn(item);
  const cpu: number[] = [];
  const main: number[] = [];
  for (const item of items) {
    const m = await bracket(
      () => {
        for (let r = 0; r < reps; r++) fn(item);
      },
      overhead.all,
      overhead.main,
    );
    cpu.push(m.cpuMs / reps);
    main.push(m.mainCpuMs / reps);
  }
  return { cpu: summarize(cpu), mainCpu: summarize(main), stories: items.length, reps, method };
}

export interface StageFigures {
  cpu: Summary;
  wall: Summary;
  rounds: number;
  stories: number;
  method: string;
}

/** Runs `round` `rounds` times after one warm-up; each round's CPU and wall time are divided by `stories`. */
export async function perStoryRounds(
  stories: number,
  rounds: number,
  overheadMs: number,
  round: () => unknown,
  method: string,
): Promise<StageFigures> {
  await round();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const m = await bracket(round, overheadMs);
    cpu.push(m.cpuMs / stories);
    wall.push(m.wallMs / stories);
  }
  return { cpu: summarize(cpu), wall: summarize(wall), rounds, stories, method };
}
