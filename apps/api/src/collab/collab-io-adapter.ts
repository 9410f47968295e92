import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { ServerOptions } from 'socket.io';
import type { AppConfig } from '../platform/config/app-config';

/**
 * socket.io on the API's HTTP server, configured from AppConfig: its buffer is twice the engine's message limit (so the
 * engine, not socket.io, refuses an oversized message with a reason), and it leaves upgrade requests it does not own
 * (the y-websocket endpoint /collab/...) alone.
 */
export class CollabIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions) {
    return super.createIOServer(port, {
      ...options,
      path: '/socket.io',
      serveClient: false,
      transports: ['websocket', 'polling'],
      maxHttpBufferSize: 2 * this.config.collab.maxMessageBytes,
      destroyUpgrade: false,
      perMessageDeflate: false,
      cors: { origin: false },
    } as ServerOptions);
  }
}
