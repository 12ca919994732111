// A real redis-server for the multi-instance tests and benchmarks: Debian's, on a free loopback
// port, with no persistence (`--save '' --appendonly no`), stopped by its pid. When redis-server is
// missing and this process can install it (root, with apt-get), it installs it and says so; the
// integration tests never stand in for Redis with a mock.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { installedOrInstall } from './apt-install';
import { freePort } from './free-port';
import { stopProcess } from './stop-process';

export interface RedisProcess {
  url: string;
  port: number;
  /** With `tls`: rediss:// on a second port, and the self-signed certificate to trust (NODE_EXTRA_CA_CERTS). */
  tls?: { url: string; caFile: string };
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  stop(): Promise<void>;
}

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/bin', '/usr/sbin', '/usr/local/bin'])) {
    const candidate = path.join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** The redis-server binary, installed with apt-get first when it is missing and this process may. */
export function ensureRedisServer(say: (line: string) => void = console.log): string {
  return installedOrInstall('redis-server', 'the multi-instance tests run a real Redis', () => onPath('redis-server'), say);
}

/** A certificate for 127.0.0.1, made with openssl in a folder of its own, removed when this process exits. */
function selfSignedCertificate(): { certFile: string; keyFile: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'redis-tls-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  const made = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`openssl could not make a test certificate (is openssl installed?):\n${made.stderr ?? made.error}`);
  return { certFile, keyFile };
}

/**
 * Starts redis-server on `port` (a free one by default) and resolves once it accepts connections;
 * with `tls`, it also listens with TLS on a second free port, with a self-signed certificate.
 */
export async function startRedisProcess(port?: number, options: { tls?: boolean } = {}): Promise<RedisProcess> {
  const binary = ensureRedisServer();
  const listenOn = port ?? (await freePort());
  const certificate = options.tls ? selfSignedCertificate() : undefined;
  const tlsPort = certificate ? await freePort() : undefined;
  const tlsArgs = certificate ? ['--tls-port', String(tlsPort), '--tls-cert-file', certificate.certFile, '--tls-key-file', certificate.keyFile, '--tls-auth-clients', 'no'] : [];
  const child = spawn(
    binary,
    ['--port', String(listenOn), ...tlsArgs, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmpdir(), '--daemonize', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `redis://127.0.0.1:${listenOn}`,
    port: listenOn,
    ...(certificate ? { tls: { url: `rediss://127.0.0.1:${tlsPort}`, caFile: certificate.certFile } } : {}),
    child,
    output: () => output,
    stop: () => stopProcess(child),
  };
}
