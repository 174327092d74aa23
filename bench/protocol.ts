/** What bench/server.ts (Node) and the workerd bench files agree on. */

/** Extra loopback hosts the bench server answers on: 127.0.0.2 … 127.0.0.(1 + EXTRA_HOSTS). */
export const EXTRA_HOSTS = 20;

export interface ProcStats {
  pids: number[];
  /** CPU time of every thread of every workerd process, in ms (from /proc/<pid>/task/<tid>/schedstat, in ns). */
  cpuMs: number;
  /**
   * CPU time of the workerd processes' main threads alone, in ms: where the isolate runs JavaScript, without
   * V8's helper threads (concurrent GC, background compilation) that `cpuMs` also counts.
   */
  mainThreadCpuMs: number;
  rssKb: number;
  /** Peak RSS over each process's lifetime (VmHWM), summed. */
  hwmKb: number;
}

export interface MemoryReport {
  /** RSS when sampling started. */
  baselineKb: number;
  peakKb: number;
  hwmBeforeKb: number;
  hwmAfterKb: number;
  samples: number;
}
