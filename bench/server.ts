/**
 * The bench server (vitest globalSetup for vitest.bench.config.ts; runs in Node beside workerd).
 *
 *   GET  /feed/<name>.xml     a generated feed (bench/fixtures.ts benchFeed), built once and kept
 *   POST /warm/multi/<n>      builds multi-0 … multi-(n-1) now, so generating them is not timed
 *   POST /warm/<name>         builds one feed now
 *   GET  /proc                the workerd processes' CPU time (ms, all threads) and memory (RSS, VmHWM, KiB)
 *   POST /mem/start           starts sampling workerd RSS every millisecond
 *   POST /mem/stop            stops and returns the baseline, the peak and the sample count
 *   POST /results/<name>      writes the JSON body to $BENCH_OUT/<name>.json
 *
 * It also listens on 127.0.0.2 … 127.0.0.21 (same port, same routes): the 200 feeds of the cron bench sit on
 * 20 hosts, as feeds from different publishers do, so the consumer's per-host politeness limit applies as it
 * would in production rather than serialising every feed behind one host.
 *
 * CPU and memory are read from /proc, from outside the isolate: workerd's clocks are not a CPU meter (they only
 * move in whole milliseconds, and on a real edge they stand still between I/O), and an isolate cannot see its
 * own heap. Process figures include the local D1 (SQLite runs inside the same workerd process) and the runtime,
 * so they are upper bounds on what the isolate itself spends.
 */
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { benchFeed } from "./fixtures";
import { EXTRA_HOSTS, type MemoryReport, type ProcStats } from "./protocol";

const OUT = process.env.BENCH_OUT ?? join(tmpdir(), "wirewatch-bench");
const feeds = new Map<string, Buffer>();

function feed(name: string): Buffer {
  let body = feeds.get(name);
  if (!body) {
    body = Buffer.from(benchFeed(name));
    feeds.set(name, body);
  }
  return body;
}

function children(): Map<number, number[]> {
  const byParent = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name may hold spaces and parentheses; the fields after its closing ")" do not.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      byParent.set(ppid, [...(byParent.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  return byParent;
}

/** The workerd processes started (directly or not) by this vitest process. */
function workerdPids(): number[] {
  const byParent = children();
  const found: number[] = [];
  const queue = [process.pid];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    for (const child of byParent.get(pid) ?? []) {
      queue.push(child);
      try {
        if (readFileSync(`/proc/${child}/comm`, "utf8").trim() === "workerd") found.push(child);
      } catch {
        // gone
      }
    }
  }
  return found;
}

let pids: number[] = [];

function statusKb(pid: number, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) : 0;
}

/** CPU of every thread of a process, and of its main thread alone (where workerd runs the isolate's JavaScript). */
function threadsCpuMs(pid: number): { all: number; main: number } {
  let ns = 0;
  let mainNs = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const t = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
      ns += t;
      if (tid === String(pid)) mainNs = t;
    } catch {
      // The thread ended while we looked; its time is lost to this reading (rare, small).
    }
  }
  return { all: ns / 1e6, main: mainNs / 1e6 };
}

function procStats(): ProcStats {
  if (pids.length === 0 || pids.some((p) => !existsPid(p))) pids = workerdPids();
  let cpuMs = 0;
  let mainThreadCpuMs = 0;
  let rssKb = 0;
  let hwmKb = 0;
  for (const pid of pids) {
    const cpu = threadsCpuMs(pid);
    cpuMs += cpu.all;
    mainThreadCpuMs += cpu.main;
    rssKb += statusKb(pid, "VmRSS");
    hwmKb += statusKb(pid, "VmHWM");
  }
  return { pids, cpuMs, mainThreadCpuMs, rssKb, hwmKb };
}

function existsPid(pid: number): boolean {
  try {
    readFileSync(`/proc/${pid}/comm`);
    return true;
  } catch {
    return false;
  }
}

let sampler: { timer: NodeJS.Timeout; baselineKb: number; peakKb: number; hwmBeforeKb: number; samples: number } | null = null;

function startSampling(): void {
  const first = procStats();
  sampler = { timer: setInterval(sample, 1), baselineKb: first.rssKb, peakKb: first.rssKb, hwmBeforeKb: first.hwmKb, samples: 1 };
}

function sample(): void {
  if (!sampler) return;
  const rss = pids.reduce((kb, pid) => kb + statusKb(pid, "VmRSS"), 0);
  sampler.peakKb = Math.max(sampler.peakKb, rss);
  sampler.samples++;
}

function stopSampling(): MemoryReport {
  if (!sampler) throw new Error("bench: memory sampling was not started");
  clearInterval(sampler.timer);
  sample();
  const after = procStats();
  const report = {
    baselineKb: sampler.baselineKb,
    // VmHWM catches a peak that fell between two samples, as long as it is above the process's earlier peak.
    peakKb: Math.max(sampler.peakKb, after.hwmKb > sampler.hwmBeforeKb ? after.hwmKb : 0),
    hwmBeforeKb: sampler.hwmBeforeKb,
    hwmAfterKb: after.hwmKb,
    samples: sampler.samples,
  };
  sampler = null;
  return report;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function json(res: ServerResponse, value: unknown): void {
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(value));
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? "/", "http://bench").pathname;
  const feedName = /^\/feed\/([\w-]+)\.xml$/.exec(path);
  const warm = /^\/warm\/multi\/(\d+)$/.exec(path);
  const warmOne = /^\/warm\/([\w-]+)$/.exec(path);
  const result = /^\/results\/([\w-]+)$/.exec(path);
  if (req.method === "GET" && feedName) {
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" }).end(feed(feedName[1]!));
  } else if (req.method === "POST" && warm) {
    for (let i = 0; i < Number(warm[1]); i++) feed(`multi-${i}`);
    json(res, { warmed: Number(warm[1]) });
  } else if (req.method === "POST" && warmOne) {
    json(res, { warmed: warmOne[1], bytes: feed(warmOne[1]!).length });
  } else if (req.method === "GET" && path === "/proc") {
    json(res, procStats());
  } else if (req.method === "POST" && path === "/mem/start") {
    startSampling();
    json(res, { started: true });
  } else if (req.method === "POST" && path === "/mem/stop") {
    json(res, stopSampling());
  } else if (req.method === "POST" && result) {
    writeFileSync(join(OUT, `${result[1]}.json`), await readBody(req));
    json(res, { written: result[1] });
  } else {
    res.writeHead(404).end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  mkdirSync(OUT, { recursive: true });
  const listen = async (port: number, host: string): Promise<Server> => {
    const server = createServer((req, res) => {
      handle(req, res).catch((err: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" }).end(err instanceof Error ? err.message : String(err));
      });
    });
    // workerd keeps connections pooled across long CPU-bound stretches; Node's 5 s idle timeout would close one
    // under it and fail the next fetch with "Network connection lost".
    server.keepAliveTimeout = 10 * 60_000;
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    return server;
  };
  const main = await listen(0, "127.0.0.1");
  const { port } = main.address() as AddressInfo;
  const servers = [main];
  for (let i = 0; i < EXTRA_HOSTS; i++) servers.push(await listen(port, `127.0.0.${i + 2}`));
  project.provide("benchServer", `http://127.0.0.1:${port}`);
  return async () => {
    if (sampler) clearInterval(sampler.timer);
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  };
}
