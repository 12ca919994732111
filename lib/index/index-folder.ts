import 'server-only';
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

// PGlite's folder belongs to one process: a second one writing the same files would corrupt them. The
// process that opens it first writes its pid beside it (`<folder>.lock`); another live process finds
// that pid and is refused, naming what to do. A lock whose process is gone (a crash, a restart) is
// taken over. The lock goes when the process exits.

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export function holdFolder(dir: string): void {
  const lock = `${dir}.lock`;
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      process.once('exit', () => {
        try {
          unlinkSync(lock);
        } catch {
          // Already gone.
        }
      });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number(readFileSync(lock, 'utf8').trim());
    if (owner === process.pid) return;
    if (Number.isInteger(owner) && owner > 0 && alive(owner)) {
      throw new Error(`INDEX_DIR ${dir} is in use by process ${owner}: give each instance its own INDEX_DIR, or share one PostgreSQL with INDEX_DATABASE_URL`);
    }
    unlinkSync(lock);
  }
}
