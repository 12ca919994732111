import { routeNotFound } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';

// Any /api path no route owns: the documented JSON error for every method, never the HTML 404 page.
function notFound(): Response {
  return errorResponse(routeNotFound());
}

export { notFound as GET, notFound as HEAD, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
