import { readFileSync } from 'node:fs';
import { MIB } from '../lib/stats.ts';

/** A process's resident memory from /proc, in MiB; 0 once it has gone. */
export function vmRssMib(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? (Number(match[1]) * 1024) / MIB : 0;
  } catch {
    return 0;
  }
}

const SAMPLE_MS = 100;

/** The highest total resident memory of some processes while `task` runs. */
export async function peakRssDuring<T>(
  pids: () => readonly number[],
  task: () => Promise<T>,
): Promise<{ result: T; peakMib: number }> {
  const total = () => pids().reduce((sum, pid) => sum + vmRssMib(pid), 0);
  let peakMib = total();
  const timer = setInterval(() => (peakMib = Math.max(peakMib, total())), SAMPLE_MS);
  try {
    const result = await task();
    peakMib = Math.max(peakMib, total());
    return { result, peakMib };
  } finally {
    clearInterval(timer);
  }
}
