// `npm run build`: always build, then lay out the standalone folder; `npm start` runs it.
import path from 'node:path';
import { buildPortal } from '../harness/portal-build';

buildPortal(path.resolve(__dirname, '..'));
console.log('Built. Start it with: npm start (node .next/standalone/server.js)');
