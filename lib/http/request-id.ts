// One id per request, in the response and in every log line about it. A sane incoming id (from a
// load balancer) is kept so it follows the request through; anything else is replaced.

const SANE = /^[\w.-]{8,128}$/;

export function requestIdFor(incoming: string | null): string {
  return incoming && SANE.test(incoming) ? incoming : crypto.randomUUID();
}
