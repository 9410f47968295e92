// One co-drafting connection per signed-in app: a CollabClient made on first use (its code, with Yjs and socket.io,
// is loaded only then, so pages without a document never load it) and destroyed when the signed-in pages unmount
// (sign-out, an ended session, another person signing in).
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import type { CollabClient } from '@commonplan/sync';

/** Loads the client's code and makes the app's client (see collab-client.ts). */
export async function createCollabClient(): Promise<CollabClient> {
  const { createWebCollabClient } = await import('./collab-client');
  return createWebCollabClient();
}

/** Makes the client once, on the first request, and destroys it (or the one still being made) at the end. */
class CollabHolder {
  private client: Promise<CollabClient> | null = null;
  private ended = false;

  constructor(private readonly create: () => Promise<CollabClient>) {}

  get(): Promise<CollabClient> | null {
    if (this.ended) return null;
    if (!this.client) {
      const made = this.create();
      this.client = made;
      // Its code could not be loaded (offline?): the next page that asks tries again.
      made.catch(() => {
        if (this.client === made) this.client = null;
      });
    }
    return this.client;
  }

  end(): void {
    this.ended = true;
    const client = this.client;
    this.client = null;
    void client?.then((c) => c.destroy()).catch(() => undefined);
  }
}

const CollabContext = createContext<CollabHolder | null>(null);

export function CollabProvider({ children, create = createCollabClient }: { children: ReactNode; create?: () => Promise<CollabClient> }) {
  const [holder, setHolder] = useState<CollabHolder | null>(null);
  useEffect(() => {
    const made = new CollabHolder(create);
    setHolder(made);
    return () => {
      made.end();
      setHolder(null);
    };
  }, [create]);
  return <CollabContext.Provider value={holder}>{children}</CollabContext.Provider>;
}

/** The app's CollabClient, made on the first call; null until it is ready (and outside the signed-in pages). */
export function useCollab(): CollabClient | null {
  const holder = useContext(CollabContext);
  const [client, setClient] = useState<{ holder: CollabHolder; client: CollabClient } | null>(null);
  useEffect(() => {
    const pending = holder?.get();
    if (!holder || !pending) return;
    let current = true;
    pending.then(
      (made) => current && setClient({ holder, client: made }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [holder]);
  return client && client.holder === holder ? client.client : null;
}
