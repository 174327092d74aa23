/**
 * The interface's one stylesheet. Served as a fingerprinted file (CSP allows no inline style): system fonts,
 * a single column that reflows at phone width, a visible focus ring on everything focusable, and badges
 * that carry their meaning in text, colour only repeating it.
 */
export const STYLES_CSS = `
:root { --fg: #1b1f24; --muted: #57606a; --bg: #fff; --line: #d0d7de; --accent: #0550ae; --mark: #fff1a8;
  --ok: #116329; --warn: #7d4e00; --err: #a40e26; --focus: #bf3989; color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: .5rem; background: var(--bg); padding: .25rem .5rem; z-index: 2; }
header.site { border-bottom: 1px solid var(--line); padding: .5rem 1rem; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; align-items: baseline; }
header.site .brand { font-weight: 700; color: var(--fg); text-decoration: none; font-size: 1.15rem; }
header.site nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
header.site nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; margin: .5rem 0 1rem; line-height: 1.25; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
.muted, .meta { color: var(--muted); }
.meta { font-size: .9rem; }
form.filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .75rem 1rem; padding: .75rem; border: 1px solid var(--line); border-radius: 6px; margin-bottom: 1rem; }
form.filters fieldset { border: 1px solid var(--line); border-radius: 4px; margin: 0; padding: .25rem .5rem .5rem; }
form.filters legend { font-weight: 600; font-size: .9rem; }
form.filters .actions { display: flex; gap: .75rem; align-items: end; }
label { display: block; font-size: .9rem; font-weight: 600; }
fieldset label { display: inline-flex; gap: .25rem; align-items: center; font-weight: 400; margin-right: .75rem; }
input[type="text"], input[type="search"], input[type="date"], input[type="url"], input[type="password"], select, textarea {
  display: block; width: 100%; font: inherit; padding: .35rem .5rem; border: 1px solid #8c959f; border-radius: 4px; background: var(--bg); color: var(--fg); }
textarea { min-height: 10rem; }
button, .button { font: inherit; padding: .35rem .9rem; border: 1px solid var(--accent); border-radius: 4px; background: var(--accent); color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary, .button.secondary { background: var(--bg); color: var(--accent); }
ol.stories { list-style: none; padding: 0; margin: 0; }
ol.stories > li { border-bottom: 1px solid var(--line); padding: .6rem 0; }
ol.stories h2 { margin: 0; font-size: 1.05rem; font-weight: 600; }
.badges { display: inline-flex; flex-wrap: wrap; gap: .3rem; margin: .2rem 0; padding: 0; list-style: none; }
.badge { display: inline-block; font-size: .8rem; line-height: 1.4; padding: 0 .45rem; border: 1px solid currentColor; border-radius: 999px; font-weight: 600; }
.badge.syndicated { color: #0a3069; background: #ddf4ff; }
.badge.unedited { color: #6e3400; background: #fff1e5; }
.badge.auto_generated { color: #3d1f73; background: #f5f0ff; }
.badge.ai_generated { color: #7d0021; background: #ffebe9; }
.badge.wire { color: #1b1f24; background: #f6f8fa; }
.badge.inferred { border-style: dashed; }
.status-ok { color: var(--ok); } .status-error { color: var(--err); } .status-pending { color: var(--warn); }
.pager { display: flex; gap: 1rem; margin: 1rem 0; flex-wrap: wrap; }
.formats { margin: .5rem 0 1rem; font-size: .9rem; }
.notice { border: 1px solid var(--line); border-left: 4px solid var(--accent); padding: .5rem .75rem; margin: 0 0 1rem; border-radius: 4px; }
.notice.error { border-left-color: var(--err); }
.notice.ok { border-left-color: var(--ok); }
article.story .body p { max-width: 42rem; }
mark.evidence { background: var(--mark); color: inherit; padding: 0 .1rem; border-bottom: 2px solid var(--warn); }
a.entity { text-decoration: underline dotted; text-underline-offset: 3px; }
a.entity.person { text-decoration-style: solid; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.table-wrap { overflow-x: auto; }
pre { background: #f6f8fa; padding: .75rem; overflow: auto; font-size: .85rem; white-space: pre-wrap; overflow-wrap: anywhere; }
details > summary { cursor: pointer; }
svg.chart { width: 100%; height: auto; max-width: 44rem; display: block; }
svg.chart .bar { fill: var(--accent); }
svg.chart .axis { stroke: var(--line); }
svg.chart text { font-size: 11px; fill: var(--muted); }
svg.spark { width: 8rem; height: 1.5rem; }
svg.spark polyline { fill: none; stroke: var(--accent); stroke-width: 1.5; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: 1rem; }
.charts figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: .5rem; }
.charts figcaption { font-weight: 600; }
.inline-form { display: inline; }
.admin-forms { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 1rem; align-items: start; }
.admin-forms form { border: 1px solid var(--line); border-radius: 6px; padding: .75rem; display: grid; gap: .5rem; align-content: start; }
.admin-forms form > * { margin: 0; }
.admin-forms button { justify-self: start; }
progress { width: 100%; max-width: 30rem; height: 1.25rem; }
[aria-busy="true"] { opacity: .6; }
@media (max-width: 40rem) {
  main { padding: .75rem; }
  form.filters { grid-template-columns: 1fr; }
  .feeds-table thead { display: none; }
  .feeds-table tr { display: block; border-bottom: 1px solid var(--line); padding: .5rem 0; }
  .feeds-table td { display: block; border: 0; padding: .1rem 0; }
}
`;
