// The development OpenID provider's storage: one process's memory, expiry honoured. oidc-provider's own
// memory adapter works as well, but using it prints a production warning at every `npm run demo`; this
// one says in its name what it is. Lookups by uid, user code and grant scan: a demo holds a few entries.
import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

interface Entry {
  model: string;
  id: string;
  payload: AdapterPayload;
  expiresAtMs: number;
}

export function createDevMemoryAdapter(): AdapterFactory {
  const entries = new Map<string, Entry>();

  const live = (entry: Entry | undefined): Entry | undefined => {
    if (!entry) return undefined;
    if (entry.expiresAtMs > Date.now()) return entry;
    entries.delete(`${entry.model}:${entry.id}`);
    return undefined;
  };
  const findWhere = (model: string, match: (payload: AdapterPayload) => boolean): AdapterPayload | undefined => {
    for (const entry of entries.values()) {
      if (entry.model === model && live(entry) && match(entry.payload)) return entry.payload;
    }
    return undefined;
  };

  return (model: string): Adapter => ({
    async upsert(id, payload, expiresIn) {
      for (const entry of entries.values()) live(entry);
      const expiresAtMs = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : Infinity;
      entries.set(`${model}:${id}`, { model, id, payload, expiresAtMs });
    },
    async find(id) {
      return live(entries.get(`${model}:${id}`))?.payload;
    },
    async findByUid(uid) {
      return findWhere(model, (payload) => payload.uid === uid);
    },
    async findByUserCode(userCode) {
      return findWhere(model, (payload) => payload.userCode === userCode);
    },
    async consume(id) {
      const entry = live(entries.get(`${model}:${id}`));
      if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
    },
    async destroy(id) {
      entries.delete(`${model}:${id}`);
    },
    async revokeByGrantId(grantId) {
      for (const [key, entry] of entries) {
        if (entry.payload.grantId === grantId) entries.delete(key);
      }
    },
  });
}
