// Talks to a running emulator: ICE calls signed as the portal signs them, and the control API that
// injects faults, adds jobs and counts the calls it served.
import RPCClient from '@alicloud/pop-core';
import { DEMO_CREDENTIALS } from '@/emulator/options';
import type { FaultConfig } from '@/emulator/faults';

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
