import { requireUser } from '@/lib/auth/require-user';

// Every /jobs page checks the user itself; checking here too, outside the job page's loading boundary,
// lets a refusal (login redirect, 401, 403) set the response status before the shell streams.
export default async function JobsLayout({ children }: LayoutProps<'/jobs'>) {
  await requireUser();
  return children;
}
