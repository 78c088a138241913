/** The family tree drawn as SVG by Graphviz (`@viz-js/viz`, WebAssembly, offline) from its DOT. */
import { instance, type Viz } from '@viz-js/viz';
import type { FamilySummary } from '../../schemas/summary.schema.js';
import { familyTreeDot } from './family-tree.dot.js';

let vizPromise: Promise<Viz> | null = null;
function viz(): Promise<Viz> {
  vizPromise ??= instance();
  return vizPromise;
}

export class FamilyTreeRenderError extends Error {
  constructor(readonly reasons: string[]) {
    super(`FAMILY_TREE_RENDER_FAILED: ${reasons.join('; ')}`);
    this.name = 'FamilyTreeRenderError';
  }
}

/** The family tree as a standalone SVG document (no XML prolog, no DOCTYPE, no comments). */
export async function renderFamilyTreeSvg(summary: FamilySummary): Promise<string> {
  const instanceOfViz = await viz();
  const result = instanceOfViz.render(familyTreeDot(summary), { format: 'svg', engine: 'dot' });
  if (result.status !== 'success') {
    throw new FamilyTreeRenderError(result.errors.filter((e) => e.level === 'error').map((e) => e.message));
  }
  return result.output
    .replace(/<\?xml[^>]*\?>\s*/g, '')
    .replace(/<!DOCTYPE[^>]*>\s*/g, '')
    .replace(/<!--[\s\S]*?-->\s*/g, '')
    .trim();
}
