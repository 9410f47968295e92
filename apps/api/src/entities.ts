import { SessionEntity } from './access/session.entity';
import { PasswordResetEntity } from './auth/password-reset.entity';
import { DocumentEntity } from './documents/document.entity';
import { OrganisationEntity } from './organisations/organisation.entity';
import { InvitationEntity } from './people/invitation.entity';
import { MembershipEntity } from './people/membership.entity';
import { UserEntity } from './people/user.entity';
import { WorkspaceEntity } from './workspaces/workspace.entity';

/** Every TypeORM entity of the server (the audit trail is plain SQL in audit.repository.ts). */
export const entities = [
  WorkspaceEntity,
  OrganisationEntity,
  UserEntity,
  MembershipEntity,
  InvitationEntity,
  SessionEntity,
  PasswordResetEntity,
  DocumentEntity,
];
