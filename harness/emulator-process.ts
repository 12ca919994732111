// Starts the ICE emulator as its own process (as `npm run emulator` does) on a free loopback port,
// and talks to its control API. Every integration suite gets its emulator through here.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import RPCClient from '@alicloud/pop-core';
import { DEMO_CREDENTIALS } from '@/emulator/options';
import type { FaultConfig } from '@/emulator/faults';

export const REPO_ROOT = path.resolve(__dirname, '..');

export interface EmulatorProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Environment without the operator's own credentials or auth settings, so tests see only their own. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^(ALIBABA_CLOUD_|ICE_|AUTH_|OIDC_|APP_URL$|LOG_LEVEL$)/.test(name)) delete env[name];
  }
  return { ...env, ...extra };
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
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
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

export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    process.kill(child.pid!, 'SIGTERM');
  });
}

/** pop-core, the way the portal signs: the emulator must accept exactly what it sends. */
export function popCoreClient(url: string, credentials = DEMO_CREDENTIALS, apiVersion = '2020-11-09') {
  return new RPCClient({ endpoint: url, apiVersion, ...credentials });
}

export async function control<T = unknown>(url: string, method: string, route: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${url}/__emulator/${route}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

export const setFaults = (url: string, faults: Partial<FaultConfig>) => control<FaultConfig>(url, 'PUT', 'faults', faults);
export const resetFaults = (url: string) => control(url, 'DELETE', 'faults');

export interface EmulatorStats {
  requests: number;
  byAction: Record<string, number>;
  byOutcome: Record<string, number>;
}
export const readStats = async (url: string) => (await control<EmulatorStats>(url, 'GET', 'stats')).body;
export const resetStats = (url: string) => control(url, 'DELETE', 'stats');
