// The processes a command started, read from Linux's /proc: for tests that check a command leaves
// nothing running behind it. A process is named by its pid and its start time, so a pid the system
// hands to a new process later is not taken for the old one.
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
  pid: number;
  /** Clock ticks after boot (field 22 of /proc/<pid>/stat). */
  startTime: string;
  /** The process's name (comm), such as `node` or `next-server (v16`. */
  name: string;
}

function readStat(pid: number): (ProcessInfo & { ppid: number; state: string }) | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // gone since the folder was listed
  }
  // The name is in parentheses and may hold spaces and parentheses itself: the fields follow the last ')'.
  const open = stat.indexOf('(');
  const close = stat.lastIndexOf(')');
  const fields = stat.slice(close + 2).split(' ');
  return { pid, name: stat.slice(open + 1, close), state: fields[0]!, ppid: Number(fields[1]), startTime: fields[19]! };
}

/** `root` and every process below it, as they are now. */
export function processTree(root: number): ProcessInfo[] {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((info) => info !== undefined);
  const tree: ProcessInfo[] = [];
  const within = new Set([root]);
  // Parents come before children in pid order only usually: walk until nothing more joins.
  for (let grew = true; grew; ) {
    grew = false;
    for (const info of all) {
      if (!within.has(info.pid) && within.has(info.ppid)) {
        within.add(info.pid);
        grew = true;
      }
    }
  }
  for (const info of all) {
    if (within.has(info.pid)) tree.push({ pid: info.pid, startTime: info.startTime, name: info.name });
  }
  return tree;
}

/** The processes of `seen` still running (the same pid with the same start time, not a zombie). */
export function stillRunning(seen: ProcessInfo[]): ProcessInfo[] {
  return seen.filter((process) => {
    const now = readStat(process.pid);
    return now !== undefined && now.startTime === process.startTime && now.state !== 'Z';
  });
}
