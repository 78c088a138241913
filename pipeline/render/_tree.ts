import { writeFileSync, readFileSync } from 'node:fs';
import { instance } from '@viz-js/viz';
import pdfMake from 'pdfmake';
import { familyTreeDot } from './family-tree.render.js';
import { makeTestSummary } from './test-summary.fixture.js';
const dir = '/work/main/node_modules/pdfmake/fonts/Roboto/';
pdfMake.setFonts({ Roboto: { normal: dir + 'Roboto-Regular.ttf', bold: dir + 'Roboto-Medium.ttf', italics: dir + 'Roboto-Italic.ttf', bolditalics: dir + 'Roboto-MediumItalic.ttf' } });
pdfMake.setUrlAccessPolicy(() => false); pdfMake.setLocalAccessPolicy(() => true);
const dot = process.argv[2] ? readFileSync(process.argv[2], 'utf8') : familyTreeDot(makeTestSummary());
writeFileSync('/tmp/tree.dot', dot);
const viz = await instance();
const r = viz.render(dot, { format: 'svg' });
console.log(r.status, r.errors);
if (r.status === 'success') {
  const buf = await pdfMake.createPdf({ pageSize: 'A4', pageOrientation: 'landscape', content: [{ svg: r.output, fit: [760, 520] }] }).getBuffer();
  writeFileSync('/tmp/tree.pdf', buf);
}
