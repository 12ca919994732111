import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

// Cuts the connection of a download whose client has stopped reading. The export's stream ends
// itself and its scan when nobody has pulled for its idle time (lib/jobs/export.ts), but that cannot
// close the socket: Next.js writes each chunk into the Node response and, once the socket stops
// draining, waits for a drain that never comes, and an errored stream waits behind that write. So the
// socket of a download gets an inactivity timeout of the same length, and Node destroys a socket that
// has neither read nor written for that long. Node announces every request with its socket on the
// http.server.request.start diagnostics channel; this is the one place the portal touches sockets.

interface RequestStart {
  request: IncomingMessage;
  response: ServerResponse;
  socket: Socket;
  server: Server;
}

export function cutIdleDownloads(pathPrefix: string, idleMs: number): void {
  subscribe('http.server.request.start', (message) => {
    const { request, response, socket, server } = message as RequestStart;
    if (!request.url?.startsWith(pathPrefix)) return;
    socket.setTimeout(idleMs);
    const onTimeout = () => {
      if (!response.writableFinished) socket.destroy();
    };
    socket.on('timeout', onTimeout);
    // A kept-alive socket goes on to other requests: back to the server's own timeout.
    response.once('close', () => {
      socket.off('timeout', onTimeout);
      socket.setTimeout(server.timeout);
    });
  });
}
