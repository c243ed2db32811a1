/**
 * Measurements of this process for the benchmark: wall and CPU time of a
 * part, and its peak resident memory. The peak is the kernel's high-water
 * mark (VmHWM), reset before the part (writing 5 to /proc/self/clear_refs),
 * so a stage that follows untimed preparation reports its own peak; where
 * the reset is not allowed, the peak is the process's since it started.
 *
 *   const m = startMeasure(); …work…; const {wallS, cpuS, peakMB} = m.stop();
 */
import {readFileSync, writeFileSync} from "node:fs";

export interface Measured {
  wallS: number;
  /** user + system CPU of this process (all its threads) */
  cpuS: number;
  peakMB: number;
  /** false when the peak could not be reset: it then covers the whole process */
  peakReset: boolean;
}

export function startMeasure(): {stop(): Measured} {
  const peakReset = resetPeak();
  const cpu = process.cpuUsage();
  const start = performance.now();
  return {
    stop() {
      const used = process.cpuUsage(cpu);
      return {
        wallS: (performance.now() - start) / 1000,
        cpuS: (used.user + used.system) / 1e6,
        peakMB: peakResidentMB(),
        peakReset
      };
    }
  };
}

function resetPeak(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

/** VmHWM, else the process's maxRSS. */
export function peakResidentMB(): number {
  try {
    const status = readFileSync("/proc/self/status", "utf8");
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    if (kb > 0) return kb / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** Resident memory of a process and all its descendants, in MB (Linux /proc), 0 where it cannot be read. */
export function treeResidentMB(pid: number): number {
  let kb = 0;
  for (const p of descendants(pid)) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

function descendants(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    try {
      const children = readFileSync(`/proc/${out[i]}/task/${out[i]}/children`, "utf8").trim();
      if (children) out.push(...children.split(/\s+/).map(Number));
    } catch {
      // gone
    }
  }
  return out;
}

/** CPU seconds of this process's children that have been waited for (cutime + cstime of /proc/self/stat). */
export function childrenCpuS(): number {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // after the command name: state is field 3; cutime and cstime are fields 16 and 17
    return (Number(fields[16 - 3]) + Number(fields[17 - 3])) / 100;
  } catch {
    return 0;
  }
}
