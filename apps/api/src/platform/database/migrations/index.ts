import { Foundation1764489600000 } from './1764489600000-foundation';

/** Every migration, oldest first. `npm run db:migration:create -- <name>` adds a file and a line here. */
export const migrations = [Foundation1764489600000];
