/** A validated summary in the format asked for: JSON text, HTML for print, or PDF bytes. */
import type { FamilySummary } from '../../schemas/summary.schema.js';
import { validateSummary } from '../../schemas/validate-summary.js';
import { renderSummaryHtml } from '../render/summary-html.render.js';
import { renderSummaryPdf } from '../render/summary-pdf.render.js';
import { SummaryInvalidError, type OutputFormat } from './trawl-request.js';

export async function renderSummary(summary: FamilySummary, format: OutputFormat): Promise<string | Buffer> {
  const validation = validateSummary(summary);
  if (!validation.ok) throw new SummaryInvalidError(validation.errors);
  switch (format) {
    case 'json':
      return `${JSON.stringify(summary, null, 2)}\n`;
    case 'html':
      return renderSummaryHtml(summary);
    case 'pdf':
      return renderSummaryPdf(summary);
  }
}

/** A file name for a summary that names no one: `summary-<person id>-<purpose>-<stamp>.<ext>`. */
export function summaryFileName(summary: FamilySummary, format: OutputFormat, label = 'summary'): string {
  const stamp = summary.generatedAt.replace(/[-:]/g, '').replace(/\..*$/, '').replace(/Z$/, 'Z');
  return `${label}-${summary.subject.personId}-${summary.purpose}-${stamp}.${format}`;
}
