import { pdfPages } from '../../test/support/pdf-text.js';
import { renderSummaryPdf } from './summary-pdf.render.js';
import { PROTECTIVE_MARKING, SECTION_HEADINGS } from './summary-view.js';
import { makeTestSummary } from './test-summary.fixture.js';

describe('summary PDF', () => {
  let pdf: Buffer;
  let pages: string[];
  let text: string;
  beforeAll(async () => {
    pdf = await renderSummaryPdf(makeTestSummary());
    pages = await pdfPages(pdf);
    text = pages.join('\n');
  });

  it('is a PDF that parses', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages.length).toBeGreaterThan(1);
  });

  it("holds the subject's name and every section heading", () => {
    expect(text).toContain('Ruby Marsh');
    for (const heading of Object.values(SECTION_HEADINGS)) expect(text).toContain(heading);
  });

  it('marks every page OFFICIAL-SENSITIVE at top and bottom and numbers it "Page N of M"', () => {
    pages.forEach((page, i) => {
      expect(page.split(PROTECTIVE_MARKING).length - 1).toBe(2);
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it('prints the same content as the HTML: words for codes, sources, the family tree', () => {
    expect(text).toContain('Not searched — The local data sharing agreement');
    expect(text).toContain('Searched, no record');
    expect(text).toContain('need: Abuse or neglect');
    expect(text).toContain('Child protection plan');
    expect(text).toContain('Was not brought');
    // Text drawn from the family tree SVG.
    expect(text).toContain('Father not recorded');
    expect(text).toContain('Household at the subject');
  });

  it('keeps accented names', async () => {
    const summary = makeTestSummary();
    summary.subject.name = 'Zoë Nguyễn';
    summary.members[0]!.name = 'Zoë Nguyễn';
    const accented = (await pdfPages(await renderSummaryPdf(summary))).join('\n');
    expect(accented).toContain('Zoë Nguyễn');
  });
});
