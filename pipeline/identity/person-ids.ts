/**
 * Gives each new cluster a person id, keeping ids stable: an old id goes to the cluster holding
 * most of its former members (ties to the earlier cluster), a cluster takes the old id with
 * most of its members (ties to the smaller id), each old id goes to one cluster at most, and
 * clusters left without one get a new id. Clusters come sorted, so this is deterministic.
 */
export function assignPersonIds(
  clusters: readonly (readonly string[])[],
  previous: ReadonlyMap<string, string>,
  newId: () => string,
): string[] {
  const claims: { cluster: number; id: string; votes: number }[] = [];
  clusters.forEach((members, cluster) => {
    const votes = new Map<string, number>();
    for (const key of members) {
      const id = previous.get(key);
      if (id !== undefined) votes.set(id, (votes.get(id) ?? 0) + 1);
    }
    for (const [id, n] of votes) claims.push({ cluster, id, votes: n });
  });
  claims.sort((x, y) => y.votes - x.votes || x.cluster - y.cluster || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const ids: (string | undefined)[] = Array.from({ length: clusters.length }, () => undefined);
  const taken = new Set<string>();
  for (const claim of claims) {
    if (ids[claim.cluster] !== undefined || taken.has(claim.id)) continue;
    ids[claim.cluster] = claim.id;
    taken.add(claim.id);
  }
  return ids.map((id) => id ?? newId());
}

export function formatPersonId(n: number): string {
  return `P${String(n).padStart(7, '0')}`;
}
