import { Module } from '@nestjs/common';
import { InvitationsService } from './invitations.service';
import { InvitationLinksController, PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { UsersRepository } from './users.repository';

@Module({
  controllers: [PeopleController, InvitationLinksController],
  providers: [PeopleService, InvitationsService, UsersRepository],
  exports: [UsersRepository, PeopleService],
})
export class PeopleModule {}
