import { type EntityManager, type EntitySubscriberInterface, EventSubscriber, type TransactionCommitEvent, type TransactionRollbackEvent } from 'typeorm';

type Callbacks = Array<() => void>;
const KEY = 'afterCommit';

/**
 * Runs `callback` once the transaction `manager` belongs to has committed (never when it rolls back); at once (on the
 * next turn) when `manager` is in no transaction. For work that must only see committed rows, such as waking the
 * mail outbox or telling open pages that a person has a new notification.
 */
export function afterCommit(manager: EntityManager, callback: () => void): void {
  const runner = manager.queryRunner;
  if (!runner || !runner.isTransactionActive) {
    setImmediate(callback);
    return;
  }
  const data = runner.data as Record<string, Callbacks | undefined>;
  (data[KEY] ??= []).push(callback);
}

/**
 * Registered on the data source (`subscribers`; TypeORM takes only classes marked with @EventSubscriber): hands the
 * callbacks of a committed transaction to the event loop.
 */
@EventSubscriber()
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A savepoint's release also announces a commit: wait for the outermost transaction.
    if (event.queryRunner.isTransactionActive) return;
    const data = event.queryRunner.data as Record<string, Callbacks | undefined>;
    const callbacks = data[KEY];
    delete data[KEY];
    for (const callback of callbacks ?? []) setImmediate(callback);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (event.queryRunner.isTransactionActive) return;
    delete (event.queryRunner.data as Record<string, Callbacks | undefined>)[KEY];
  }
}
