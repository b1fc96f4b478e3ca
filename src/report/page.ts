/**
 * The page shell every Brink report shares: one self-contained HTML file (inline CSS, no scripts, no
 * network), readable on a projector, on a 390 px phone (no text under 12 px, nothing wider than the
 * screen: wide tables scroll in their own box) and on A4 paper (page-break rules, colours kept).
 */
import { KEY_ASSUMPTIONS, WHAT_IT_IS, WHAT_IT_IS_NOT } from './limitations.ts';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * A name a user chose (a class group's save file), escaped and free to wrap at its hyphens, underscores
 * and dots (and every 12 characters of a long run without them), so a long one does not widen its table past the screen.
 */
export function nameHtml(name: string): string {
  // Break points after each separator, and every 12 characters of a run with none (escaped after cutting, so no entity is split).
  const parts = name.split(/(?<=[-_.])/).flatMap((part) => part.match(/.{1,12}/gsu) ?? []);
  return `<span class="name">${parts.map(esc).join('<wbr>')}</span>`;
}

/** HTML kept on one line (a date, a figure with its unit): a narrow screen breaks the text around it, never inside it. */
export const nw = (html: string) => `<span class="nw">${html}</span>`;

/** A date ("2024-01-28"), never broken at its hyphens. */
export const dateHtml = (date: string) => nw(esc(date));

/** An interval of figures with their units: "71.7 % – 77.1 %", each figure kept whole, the dash with the first. */
export const intervalHtml = (lo: string, hi: string) => `${nw(`${esc(lo)}&nbsp;–`)} ${nw(esc(hi))}`;

/**
 * A command to copy (a replay line): in a block of its own that wraps only at the spaces between words
 * (each word is kept whole, so "--iran-policy" never breaks at its hyphen), and that scrolls sideways by
 * itself where one word is wider than the screen. `inline` keeps a short command in its sentence, unbroken.
 */
export function commandHtml(command: string, inline = false): string {
  if (inline) return `<code class="nw">${esc(command)}</code>`;
  return `<code class="cmd">${command
    .split(' ')
    .map((w) => nw(esc(w)))
    .join(' ')}</code>`;
}

/**
 * A table in a box of its own that scrolls sideways when the screen is narrower than the table. Cells
 * are HTML. The first column is left-aligned and the others right-aligned (numbers), except the first
 * `textColumns` columns and the `alsoText` ones, which hold text and read better left-aligned. A box that scrolls says so, in
 * plain CSS (below): a shadow at each edge with more beyond it (backgrounds that scroll with the table
 * cover the shadows at an end), and a line above the table that shows only while the box can scroll
 * (its height comes from an animation on the box's scroll timeline, which is inactive when there is
 * nothing to scroll; a browser without scroll timelines shows the shadows alone).
 */
export function table(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  textColumns = 1,
  alsoText: readonly number[] = [],
): string {
  const cls = (i: number) => ((i > 0 && i < textColumns) || alsoText.includes(i) ? ' class="l"' : '');
  return (
    `<div class="scroll"><p class="scroll-hint" aria-hidden="true">Scroll sideways for more columns →</p><table><thead><tr>${head.map((h, i) => `<th scope="col"${cls(i)}>${h}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${c}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`
  );
}

// Sizes are in px on purpose: the phone check is "no text under 12 px", and rem would inherit the
// 20 px projector body size in some places and not others.
const CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{font:20px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1180px;padding:0 24px;color:#111;background:#fff;-webkit-print-color-adjust:exact;print-color-adjust:exact}
h1{font-size:32px;margin:.2rem 0;line-height:1.2}h2{font-size:26px;margin-top:2.2rem;border-bottom:3px solid #234;padding-bottom:.2rem;line-height:1.25}
h3{font-size:22px;margin:1.6rem 0 .4rem}h4{font-size:19px;margin:1rem 0 .3rem}
.sub{color:#333}.note{color:#444;font-size:17px}
code{font-size:.9em;overflow-wrap:anywhere}td code{display:block;white-space:nowrap;overflow-wrap:normal}
code.nw{overflow-wrap:normal}code.cmd{display:block;overflow-x:auto;overflow-wrap:normal;margin:.2rem 0;padding:.1rem 0}
.scroll{overflow-x:auto;max-width:100%;margin:.8rem 0;scroll-timeline:--sideways x;
  background:linear-gradient(90deg,#fff 40%,#fff0) left/32px 100% no-repeat local,linear-gradient(270deg,#fff 40%,#fff0) right/32px 100% no-repeat local,
  radial-gradient(farthest-side at 0 50%,#0005,#0000) left/14px 100% no-repeat scroll,radial-gradient(farthest-side at 100% 50%,#0005,#0000) right/14px 100% no-repeat scroll}
.scroll-hint{position:sticky;left:0;margin:0;height:0;overflow:hidden;font-size:14px;color:#444;animation:scroll-hint linear both;animation-timeline:--sideways}
table{border-collapse:collapse;font-size:18px}caption{text-align:left;font-weight:600;padding:.2rem 0}
th,td{border-bottom:1px solid #bbb;padding:.3rem .7rem;text-align:right;vertical-align:top}th:first-child,td:first-child{text-align:left}
td.l,th.l{text-align:left;min-width:8em}.nw{white-space:nowrap}.name{overflow-wrap:break-word}.fname{font-size:14px;color:#444;font-weight:normal}
figure{margin:1rem 0;break-inside:avoid;page-break-inside:avoid}
figcaption{margin-bottom:.4rem}.ftitle{font-weight:600;display:block}.fdesc{display:block;color:#444;font-size:16px}
details{margin:.3rem 0}summary{cursor:pointer;color:#234;font-size:16px}
.bars{display:grid;gap:6px}
.brow{display:grid;grid-template-columns:minmax(9em,15em) 1fr 5.5em;align-items:center;gap:.6rem}
.blabel{font-size:18px}.bval{font-size:17px;font-weight:600}
.btrack{position:relative;height:28px;background:linear-gradient(90deg,#ddd 1px,transparent 1px) 0 0/25% 100%,#f4f6f8;border-right:1px solid #ddd}
.bfill{position:absolute;top:0;bottom:0;left:0;background:#2c5d8f;min-width:2px}.bfill.neg{background:#b5522b}
.bfill.hatch,.sw.hatch{background:repeating-linear-gradient(135deg,#b5522b 0 5px,#e7b49d 5px 9px)}
.bwhisk{position:absolute;top:13px;height:2px;background:#111}.bwhisk:before,.bwhisk:after{content:"";position:absolute;top:-7px;width:2px;height:16px;background:#111}
.bwhisk:before{left:0}.bwhisk:after{right:0}
.bwhisk.cut-lo:before,.bwhisk.cut-hi:after{width:0;height:0;top:-6px;background:none;border:7px solid transparent}
.bwhisk.cut-lo:before{left:-2px;border-left:0;border-right:10px solid #111}.bwhisk.cut-hi:after{right:-2px;border-right:0;border-left:10px solid #111}
.blimit{position:absolute;top:-4px;bottom:-4px;border-left:2px dashed #7a2e0e}
.bzero{position:absolute;top:-4px;bottom:-4px;width:2px;background:#333}
.bticks{position:relative;height:1.6em;font-size:14px;color:#333}.bticks span{position:absolute;transform:translateX(-50%);white-space:nowrap}
.bticks span:first-child{transform:none}.bticks span:last-child{transform:translateX(-100%)}
.fans{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,440px),1fr));gap:1rem 1.5rem}
.fans figure{margin:0}
.sens{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,540px),1fr));gap:0 1.5rem}.sens figure{margin:.4rem 0}
.sens .brow{grid-template-columns:minmax(8em,12em) 1fr 4em}
svg{display:block;width:100%;height:auto}
.grid{stroke:#ddd;stroke-width:1}.axis{stroke:#333;stroke-width:1.5}.tick{font-size:12px;fill:#333}.unit{font-size:12px;fill:#333;font-style:italic}
.empty{font-size:13px;fill:#111}
.band{fill:#9cc3e6;opacity:.75}.median{stroke:#123e6b;stroke-width:2.5;fill:none}.mean{stroke:#b5522b;stroke-width:2;stroke-dasharray:6 4;fill:none}
.legend span{display:inline-block;margin-right:1.2rem}.sw{display:inline-block;width:1.6em;height:.7em;margin-right:.35em;vertical-align:middle}
.prov dt{font-weight:600;margin-top:.8rem;overflow-wrap:anywhere}.prov dd{margin:.1rem 0 0 1.2rem}.assume{color:#7a2e0e}
.story{border-left:5px solid #2c5d8f;padding:.2rem 0 .2rem 1rem;margin:1.2rem 0}
.timeline{list-style:none;padding:0;margin:.6rem 0}.timeline>li{margin:.7rem 0;padding-left:1rem;border-left:3px solid #9cc3e6;break-inside:avoid;page-break-inside:avoid}
.when{font-weight:600;color:#234}.causes{margin:.2rem 0 0;padding-left:1.2rem;color:#333;font-size:17px}.causes li{margin:.1rem 0}
.tags{font-size:16px;color:#7a2e0e}
.limits{background:#f6f3ee;border:1px solid #d9cfc0;padding:.6rem 1rem;margin:1rem 0}.limits dt{font-weight:600;margin-top:.5rem}.limits dd{margin:0 0 0 1rem}
.pill{display:inline-block;padding:0 .4em;border-radius:.3em;background:#e8eef5;font-size:16px}
@media (max-width:640px){
  body{font-size:17px;padding:0 12px;margin:1rem auto}
  h1{font-size:25px}h2{font-size:21px}h3{font-size:19px}
  table{font-size:15px}th,td{padding:.25rem .45rem;min-width:5em}th:first-child,td:first-child{min-width:9em}
  .brow{grid-template-columns:1fr 4.8em;gap:.2rem .5rem}.blabel{grid-column:1/-1;font-size:16px}.bval{font-size:15px}
  .brow.axisrow .blabel{display:none}.bticks .minor{display:none}
  .note,.causes{font-size:15px}.fdesc,summary,.tags,.pill{font-size:14px}
}
@keyframes scroll-hint{from,to{height:auto;padding:.1rem 0 .3rem}}
@page{size:A4;margin:14mm 12mm}
@media print{
  body{font-size:11pt;margin:0;max-width:none;padding:0}
  h1{font-size:18pt}h2{font-size:14pt;margin-top:1rem;break-after:avoid;page-break-after:avoid}h3{font-size:12pt;break-after:avoid;page-break-after:avoid}
  .note,.causes,.fdesc,.tags,summary{font-size:9pt}table{font-size:9pt}.blabel,.bval{font-size:10pt}
  .fans{grid-template-columns:1fr 1fr;gap:.4rem 1.2rem}.fans .fdesc{display:none}
  .sens{grid-template-columns:1fr 1fr;gap:0 1.2rem}.sens .fdesc{display:none}.sens .btrack{height:16px}.sens .bwhisk{top:7px}.sens .bars{gap:2px}
  .prov dt{margin-top:.4rem}.prov dd{font-size:10pt}
  tr,li,dt,dd,.brow{break-inside:avoid;page-break-inside:avoid}
  .page{break-before:page;page-break-before:always}
  .scroll{overflow:visible;background:none}.scroll-hint{display:none}
  details:not([open])>summary{display:none}.screen-only{display:none}
}
`;

/**
 * A figure held to its per cent sign ("the middle 90&nbsp;%"): a line never starts with a "%" left
 * alone. No text of the reports has a number and a spaced "%" that should break between them.
 */
export const holdPercents = (html: string) => html.replace(/(\d) %/g, '$1&nbsp;%');

/** The page around a report's sections, every figure held to its per cent sign. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${CSS}</style></head>
<body>
${holdPercents(body)}
</body></html>
`;
}

/** The short "what this is and is not" box (docs/limitations.md has the long form). */
export function limitationsSection(): string {
  const items = KEY_ASSUMPTIONS.map(
    (a) =>
      `<dt>${esc(a.title)}</dt><dd>${esc(a.why)} <span class="note">(${a.ids.map((id) => `<code>${esc(id)}</code>`).join(', ')})</span></dd>`,
  );
  return `<h2 id="limits">What this model is, and is not</h2>
<div class="limits"><p>${esc(WHAT_IT_IS)}</p><p><b>${esc(WHAT_IT_IS_NOT)}</b></p>
<p>The assumptions that matter most (look any of them up with ${commandHtml('brink explain ID', true)}):</p><dl>${items.join('')}</dl></div>`;
}
