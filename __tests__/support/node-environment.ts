// jest's Node.js environment, with one more turn of the event loop before a test file's sandbox is torn
// down. The portal's logger writes after the current turn (lib/log/logger.ts) and holds an exit listener
// while lines wait: lines queued by a file's own teardown (servers stopped, clients closed) were never
// written once the sandbox was gone, and each such file left its listener on the worker's process, past
// Node's warning limit of ten in a long-lived worker.
import { TestEnvironment } from 'jest-environment-node';

export default class PortalTestEnvironment extends TestEnvironment {
  override async teardown(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    await super.teardown();
  }
}
