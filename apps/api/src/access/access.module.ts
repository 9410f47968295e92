import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { MembershipLookup } from './membership-lookup';
import { LiveConnections } from './live-connections';
import { SessionStore } from './session-store';
import { SocketAuthentication } from './socket-authentication';

@Global()
@Module({
  providers: [SessionStore, MembershipLookup, LiveConnections, SocketAuthentication, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [SessionStore, MembershipLookup, LiveConnections, SocketAuthentication],
})
export class AccessModule {}
