import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { PasswordResetLinks } from './password-reset-links';

@Module({
  imports: [PeopleModule, WorkspacesModule],
  controllers: [AuthController],
  providers: [AuthService, LoginThrottle, PasswordResetLinks],
  exports: [AuthService],
})
export class AuthModule {}
