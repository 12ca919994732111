import { clientModules } from '../support/client-modules';

// What the browser is sent for the portal's pages: the schemas that check every boundary run on the
// server, and zod (about 30 kB gzipped) stays out of the first load of every page.

it('runs no zod in the browser', () => {
  const modules = clientModules();
  // The walk itself works: it reaches client components, and the modules they import for code.
  expect(modules.has('components/job-list/jobs-table.tsx')).toBe(true);
  expect(modules.has('lib/views/view-url.ts')).toBe(true);
  const importing = [...modules].filter(([, { packages }]) => packages.some((name) => name === 'zod' || name.startsWith('zod/'))).map(([file]) => file);
  expect(importing).toEqual([]);
});
