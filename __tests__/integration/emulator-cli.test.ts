import { runEmulatorCli } from '@/harness/emulator-process';

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = runEmulatorCli(args);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run emulator', () => {
  it('prints its flags and the demo key pair with --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--jobs');
    expect(stdout).toContain('--throttle-rate');
    expect(stdout).toContain('emulator-demo-key-id');
  });

  it.each([
    [['--port', 'eighty'], '--port'],
    [['--throttle-rate', '2'], '--throttle-rate'],
    [['--jobs', '-1'], '--jobs'],
    [['--bogus'], 'bogus'],
  ])('refuses %j with exit code 2 naming %s', async (args, named) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toContain(named);
  });

  it('refuses half a key pair from the environment', async () => {
    const child = runEmulatorCli(['--port', '0'], { ALIBABA_CLOUD_ACCESS_KEY_ID: 'only-the-id' });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('ALIBABA_CLOUD_ACCESS_KEY_SECRET');
  });
});
