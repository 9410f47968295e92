import { ApiProperty } from '@nestjs/swagger';
import { DateTimeProperty, IdProperty, NullableStringProperty } from '../../platform/http/api-properties';
import { WorkspaceOfUserDto } from '../../workspaces/dto/workspace-responses.dto';

export class SignedInUserDto {
  @IdProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
}

/** A new session: the bearer token (also set as cookies for the web app), when it ends, and who signed in. */
export class SignedInDto {
  @ApiProperty() token!: string;
  @DateTimeProperty() expiresAt!: string;
  @ApiProperty({ type: SignedInUserDto }) user!: SignedInUserDto;
}

/** The signed-in person and the workspaces they are an active member of. */
export class MeDto {
  @IdProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: [WorkspaceOfUserDto] }) workspaces!: WorkspaceOfUserDto[];
}

/** One of the person's sessions that has not ended. */
export class SessionViewDto {
  @IdProperty() id!: string;
  @DateTimeProperty() createdAt!: string;
  @DateTimeProperty() lastSeenAt!: string;
  @DateTimeProperty() expiresAt!: string;
  @NullableStringProperty() ip!: string | null;
  @NullableStringProperty() userAgent!: string | null;
  @ApiProperty({ description: 'the session of the request that asks' }) current!: boolean;
}

export class EndedSessionsDto {
  @ApiProperty({ description: 'how many sessions were ended' }) ended!: number;
}

export class ResetRequestedDto {
  @ApiProperty() message!: string;
}
