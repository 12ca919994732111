// `.ci/run` calls this before the tests: installs Debian's PostgreSQL when it is missing (the job index
// tests start a real one). The tests' own set-up does the same when run alone.
import { ensurePostgres } from '../harness/postgres-process';

console.log(`PostgreSQL: ${ensurePostgres()}`);
