import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Koa from 'koa';

export interface RunningServer {
  server: Server;
  url: string;
  port: number;
  /**
   * Stops accepting connections, lets requests in flight finish, then resolves. Connections still busy
   * after `timeoutMs` are cut.
   */
  close(timeoutMs: number): Promise<void>;
}

/**
 * Connections the kernel may hold before they are accepted. Node's default, 511, is overrun by a burst of new
 * connections (a flash sale's buyers, a proxy reopening its pool): the kernel drops the ones past it, and each
 * of those clients waits a second or more before it tries again. bench:http's 5,000-connection flash sale met
 * 1,500–2,400 such drops at 511 and none at 4,096. The kernel caps it at net.core.somaxconn.
 */
const ACCEPT_BACKLOG = 4_096;

export async function listen(app: Pick<Koa, 'callback'>, host: string, port: number): Promise<RunningServer> {
  const server = createServer(app.callback());
  // Behind a reverse proxy keep-alive sockets must outlive the proxy's idle timeout (often 60 s).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, backlog: ACCEPT_BACKLOG }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    server,
    port: address.port,
    url: `http://${shownHost}:${address.port}`,
    close(timeoutMs) {
      closing ??= new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), timeoutMs);
        force.unref();
        // close() stops listening and closes idle keep-alive sockets; busy ones close after their answer.
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
