// The repository's root: the folder every harness process runs in and the build is read from.
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..');
