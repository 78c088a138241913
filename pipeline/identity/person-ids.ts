/**
 * Gives each new cluster a person id, keeping ids stable: a cluster takes the id most of its
 * members had before (ties to the smaller id), each old id goes to one cluster at most, and
 * only clusters with no usable old id get a new one. Clusters come sorted, so this is deterministic.
 */
export function assignPersonIds(
  clusters: readonly (readonly string[])[],
  previous: ReadonlyMap<string, string>,
  newId: () => string,
): string[] {
  const taken = new Set<string>();
  return clusters.map((members) => {
    const votes = new Map<string, number>();
    for (const key of members) {
      const id = previous.get(key);
      if (id !== undefined) votes.set(id, (votes.get(id) ?? 0) + 1);
    }
    const ranked = [...votes].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    const kept = ranked.find(([id]) => !taken.has(id));
    const id = kept ? kept[0] : newId();
    taken.add(id);
    return id;
  });
}

export function formatPersonId(n: number): string {
  return `P${String(n).padStart(7, '0')}`;
}
