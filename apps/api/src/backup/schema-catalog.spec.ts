import { BackupRefusal } from './backup-refusal';
import { topologicalOrder } from './schema-catalog';

describe('topologicalOrder (the order tables are backed up and restored in)', () => {
  const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges).map(([name, parents]) => [name, new Set(parents)]));

  it('puts every table after the tables it points to, ties by name', () => {
    const order = topologicalOrder(graph({ votes: ['resolutions', 'workspaces'], resolutions: ['documents', 'workspaces'], documents: ['workspaces', 'users'], users: [], workspaces: [], jobs: [] }));
    expect(order).toEqual(['jobs', 'users', 'workspaces', 'documents', 'resolutions', 'votes']);
  });

  it('refuses a cycle, naming the tables in it', () => {
    expect(() => topologicalOrder(graph({ a: ['b'], b: ['c'], c: ['a'], d: [] }))).toThrow(
      new BackupRefusal('the foreign keys among a, b, c form a cycle: the tables cannot be put in an order to restore them'),
    );
  });
});
