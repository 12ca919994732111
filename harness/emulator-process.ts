// Starts the ICE emulator as its own process (as `npm run emulator` does) on a free loopback port.
// Every integration suite and benchmark gets its emulator through here.
import { spawn, type ChildProcess } from 'node:child_process';
import { cleanEnv } from './clean-env';
import { REPO_ROOT } from './repo-root';
import { stopProcess } from './stop-process';

export interface EmulatorProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function runEmulatorCli(args: string[], env: Record<string, string> = {}) {
  return spawn(process.execPath, ['--import', 'tsx', 'emulator/main.ts', ...args], {
    cwd: REPO_ROOT,
    env: cleanEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export async function startEmulatorProcess(args: string[] = [], env: Record<string, string> = {}): Promise<EmulatorProcess> {
  const child = runEmulatorCli(['--port', '0', ...args], env);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator did not start within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match && match[1] !== '0') {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited with ${code} before starting:\n${output}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    child,
    stop: () => stopProcess(child),
  };
}
