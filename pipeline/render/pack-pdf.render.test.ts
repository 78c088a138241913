import { pdfPages } from '../../test/support/pdf-text.js';
import { summaryChanges } from '../meetings/summary-changes.js';
import { renderPackPdf } from './pack-pdf.render.js';
import { makeTestSummary } from './test-summary.fixture.js';

describe('hub meeting pack PDF', () => {
  it('prints a cover, then per family what changed and the summary; a family without a summary says why', async () => {
    const before = makeTestSummary();
    const after = makeTestSummary();
    const event = { ...after.timeline[0]!, date: '2026-11-30', summary: 'Brand new referral', recordKey: 'social_care:referrals:R999' };
    after.timeline = [...after.timeline, event];
    const pdf = await renderPackPdf({
      hub: 'North Locality',
      meetingDate: '2026-12-03',
      generatedAt: '2026-12-02T18:00:00Z',
      families: [
        { summary: after, missingReason: null, changes: summaryChanges(before, after) },
        { summary: null, missingReason: 'the subject was not found (RECORD_NOT_MATCHED)', changes: null },
      ],
    });
    const pages = await pdfPages(pdf);
    const text = pages.join('\n');
    expect(pages[0]).toContain('Hub meeting pack: North Locality');
    expect(pages[0]).toContain('1 change');
    expect(text).toContain(`Family 1: ${after.subject.name}`);
    expect(text).toContain('What changed since the last pack');
    expect(text).toContain('New events');
    expect(text).toContain('Brand new referral');
    expect(text).toContain('Family 2');
    expect(text).toContain('No summary for this family: the subject was not found (RECORD_NOT_MATCHED)');
    expect(pages.every((p) => p.includes('OFFICIAL-SENSITIVE') && /Page \d+ of \d+/.test(p))).toBe(true);
  });
});
