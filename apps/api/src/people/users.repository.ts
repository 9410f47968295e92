import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { UserEntity } from './user.entity';

/** Accounts: looked up by e-mail (stored lower-case), created from invitations, given new passwords. */
@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The account with its password hash (which is not selected by default), or null. */
  findByEmailWithHash(email: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.toLowerCase() })
      .getOne();
  }

  findByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOneBy({ email: email.toLowerCase() });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  async create(
    manager: EntityManager,
    user: { email: string; displayName: string; passwordHash: string | null },
  ): Promise<UserEntity> {
    return manager.getRepository(UserEntity).save({
      email: user.email.toLowerCase(),
      displayName: user.displayName,
      passwordHash: user.passwordHash,
      passwordChangedAt: user.passwordHash ? new Date() : null,
    });
  }

  async setPassword(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await manager.getRepository(UserEntity).update({ id: userId }, { passwordHash, passwordChangedAt: new Date() });
  }
}
