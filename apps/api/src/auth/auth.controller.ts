import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public, SignedIn } from '../access/access.decorators';
import { CSRF_COOKIE, SESSION_COOKIE, setSessionCookies } from '../access/cookies';
import { type AppRequest, clientOf, CurrentPrincipal, type Principal } from '../access/request-context';
import { AppConfig } from '../platform/config/app-config';
import type { SessionView, SignedIn as SignedInResult } from '../access/session-store';
import { UuidParam } from '../platform/http/params';
import { AuthService, type Me } from './auth.service';
import { LoginDto, PasswordResetConfirmDto, PasswordResetRequestDto } from './dto/auth.dto';
import { EndedSessionsDto, MeDto, ResetRequestedDto, SessionViewDto, SignedInDto } from './dto/auth-responses.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  /** Signs in: returns a bearer token and also sets it as an httpOnly cookie for the web app. */
  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: SignedInDto })
  async login(@Body() body: LoginDto, @Req() req: AppRequest, @Res({ passthrough: true }) res: Response): Promise<SignedInResult> {
    const signedIn = await this.auth.login(body.email, body.password, clientOf(req));
    setSessionCookies(res, signedIn, this.config.secureCookies);
    return signedIn;
  }

  @SignedIn()
  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(principal);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.clearCookie(CSRF_COOKIE, { path: '/' });
  }

  @SignedIn()
  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() principal: Principal): Promise<Me> {
    return this.auth.me(principal);
  }

  /** The caller's sessions that have not ended (devices signed in), the current one marked. */
  @SignedIn()
  @ApiBearerAuth()
  @Get('sessions')
  @ApiOkResponse({ type: [SessionViewDto] })
  sessions(@CurrentPrincipal() principal: Principal): Promise<SessionView[]> {
    return this.auth.sessionsOf(principal);
  }

  /** Ends one of the caller's sessions (signs another device out); its sockets close at once. */
  @SignedIn()
  @ApiBearerAuth()
  @Delete('sessions/:sessionId')
  @HttpCode(204)
  endSession(@CurrentPrincipal() principal: Principal, @UuidParam('sessionId') sessionId: string): Promise<void> {
    return this.auth.endSession(principal, sessionId);
  }

  /** Ends every session of the caller but this one. */
  @SignedIn()
  @ApiBearerAuth()
  @Post('sessions/end-others')
  @HttpCode(200)
  @ApiOkResponse({ type: EndedSessionsDto })
  endOtherSessions(@CurrentPrincipal() principal: Principal): Promise<{ ended: number }> {
    return this.auth.endOtherSessions(principal);
  }

  /** Sends a reset link if the address has an account; answers 202 either way. */
  @Public()
  @Post('password-reset')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ResetRequestedDto })
  async requestReset(@Body() body: PasswordResetRequestDto, @Req() req: AppRequest): Promise<{ message: string }> {
    await this.auth.requestPasswordReset(body.email, clientOf(req).ip);
    return { message: 'if the address has an account, a reset link is on its way' };
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(204)
  async confirmReset(@Body() body: PasswordResetConfirmDto): Promise<void> {
    await this.auth.confirmPasswordReset(body.token, body.password);
  }
}
