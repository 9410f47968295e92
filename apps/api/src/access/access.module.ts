import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { MembershipLookup } from './membership-lookup';
import { SessionStore } from './session-store';

@Global()
@Module({
  providers: [SessionStore, MembershipLookup, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [SessionStore, MembershipLookup],
})
export class AccessModule {}
