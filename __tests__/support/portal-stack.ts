// An emulator and a production portal wired together, both real processes on loopback ports.
import { DEMO_CREDENTIALS } from '@/emulator/options';
import { startPortal, type PortalProcess } from '../../scripts/portal-process';
import { cleanEnv, REPO_ROOT, startEmulatorProcess, type EmulatorProcess } from './emulator-process';

export interface PortalStack {
  emulator: EmulatorProcess;
  portal: PortalProcess;
  stop(): Promise<void>;
}

export async function startPortalStack(options: { emulatorArgs?: string[]; portalEnv?: Record<string, string> } = {}): Promise<PortalStack> {
  const emulator = await startEmulatorProcess(options.emulatorArgs ?? ['--jobs', '300', '--seed', '11']);
  let portal: PortalProcess;
  try {
    portal = await startPortal(
      REPO_ROOT,
      cleanEnv({
        NODE_ENV: 'production',
        ICE_ENDPOINT: emulator.url,
        ALIBABA_CLOUD_ACCESS_KEY_ID: DEMO_CREDENTIALS.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEMO_CREDENTIALS.accessKeySecret,
        ...options.portalEnv,
      }),
    );
  } catch (error) {
    await emulator.stop();
    throw error;
  }
  return {
    emulator,
    portal,
    stop: async () => {
      await portal.stop();
      await emulator.stop();
    },
  };
}
