import { forbidden, redirect } from 'next/navigation';
import { currentViewer } from '@/lib/auth/viewer';

// Where a signed-in but not allowed user lands: answered with 403 by app/forbidden.tsx.
export default async function Denied(): Promise<never> {
  const viewer = await currentViewer();
  if (viewer.kind === 'user') redirect('/jobs');
  forbidden();
}
