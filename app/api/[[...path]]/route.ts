import { jsonError } from '@/lib/http/error-response';

// Any /api path no route owns: the documented JSON error for every method, never the HTML 404 page.
function notFound(): Response {
  return jsonError(404, 'not_found', 'No such API route. The API has /api/jobs, /api/jobs/<JobId>, /api/health and /api/ready.');
}

export { notFound as GET, notFound as HEAD, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
