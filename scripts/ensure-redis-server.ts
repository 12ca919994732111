// `.ci/run` calls this before the tests: installs Debian's redis-server when it is missing (the
// multi-instance tests start a real one). The tests' own set-up does the same when run alone.
import { ensureRedisServer } from '../harness/redis-process';

console.log(`redis-server: ${ensureRedisServer()}`);
