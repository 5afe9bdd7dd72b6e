"""Inline assets of the HTML report: the style sheet, the script and the page's CSP.

The report is one self-contained file: no external URL is referenced, and the
``Content-Security-Policy`` of :func:`content_security_policy` allows nothing
but this style sheet and this script (by SHA-256 hash). So even if some
document text slipped through escaping as markup, no script, event handler,
remote image or style of it would run or load.

The script reads its data from the ``<script type="application/json"
id="cc-data">`` block (never from markup) and builds every piece of text
with ``textContent``: it contains no ``innerHTML``, ``eval`` or string
timers. It works on a page without it too (the findings list and the
highlights are plain HTML with links).
"""

from __future__ import annotations

import base64
import hashlib

__all__ = ["SCRIPT", "STYLE", "content_security_policy"]

STYLE = """
:root {
  --ink: #1f2328; --muted: #5c6470; --line: #dfe1e4; --paper: #ffffff; --bg: #f5f6f7;
  --error: #b42318; --error-bg: #fde8e6; --warning: #9a5b00; --warning-bg: #fff0d1;
  --info: #1f5fa8; --info-bg: #e5effb; --ok: #1b7a3a; --ok-bg: #e2f4e7;
  --skip: #5c6470; --skip-bg: #eceef0; --plain: #8a9099;
}
* { box-sizing: border-box; }
html { scroll-padding-top: 24px; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
main { max-width: 1080px; margin: 0 auto; padding: 24px 20px 120px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 12px; }
h3 { font-size: 16px; margin: 0 0 4px; overflow-wrap: anywhere; }
a { color: #1f5fa8; }
code, .mono { font: 13px/1.45 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
.sub { color: var(--muted); margin: 0; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 8px;
  padding: 16px 18px; margin: 0 0 14px; }
.verdict { font-size: 17px; font-weight: 600; margin: 14px 0 10px; }
.verdict.bad { color: var(--error); } .verdict.warn { color: var(--warning); }
.verdict.good { color: var(--ok); } .verdict.none { color: var(--muted); }
.tiles { display: flex; flex-wrap: wrap; gap: 10px; margin: 0 0 12px; }
.tile { background: var(--paper); border: 1px solid var(--line); border-radius: 8px;
  padding: 8px 14px; min-width: 104px; }
.tile b { display: block; font-size: 22px; line-height: 1.2; }
.tile span { color: var(--muted); font-size: 13px; }
.tile.error b { color: var(--error); } .tile.warning b { color: var(--warning); }
.tile.info b { color: var(--info); } .tile.ok b { color: var(--ok); }
.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center;
  color: var(--muted); font-size: 13px; margin: 4px 0 0; padding: 0; list-style: none; }
.legend li { display: flex; align-items: center; gap: 6px; }
table.docs { border-collapse: collapse; width: 100%; font-size: 14px; }
table.docs th, table.docs td { text-align: left; padding: 6px 8px;
  border-bottom: 1px solid var(--line); vertical-align: top; }
table.docs td.n, table.docs th.n { text-align: right; font-variant-numeric: tabular-nums; }
table.docs td:first-child { overflow-wrap: anywhere; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px;
  font-weight: 600; line-height: 20px; white-space: nowrap; }
.badge.error { background: var(--error-bg); color: var(--error); }
.badge.warning { background: var(--warning-bg); color: var(--warning); }
.badge.info { background: var(--info-bg); color: var(--info); }
.badge.ok { background: var(--ok-bg); color: var(--ok); }
.badge.skip, .badge.unchecked { background: var(--skip-bg); color: var(--skip); }
.finding { border-left: 4px solid var(--line); }
.finding.error { border-left-color: var(--error); }
.finding.warning { border-left-color: var(--warning); }
.finding.info { border-left-color: var(--info); }
.finding .head { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
.finding .rule { color: var(--muted); font-size: 13px; }
.finding p { margin: 6px 0; }
.arith { background: var(--bg); border-radius: 6px; padding: 6px 10px; margin: 6px 0;
  overflow-wrap: anywhere; }
.arith div { margin: 1px 0; }
.cites { font-size: 13px; color: var(--muted); margin: 6px 0 0; }
.doc-meta { color: var(--muted); font-size: 13px; margin: 0 0 10px; overflow-wrap: anywhere; }
.doc-meta span + span::before { content: " · "; }
.doc-text { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 15.5px;
  line-height: 1.75; margin: 0; }
.cc { border-radius: 3px; padding: 1px 2px; cursor: pointer; color: inherit;
  text-decoration: none; border-bottom: 2px solid transparent; }
.cc:focus-visible { outline: 2px solid #1f5fa8; outline-offset: 1px; }
.cc.st-error { background: var(--error-bg); border-bottom-color: var(--error); }
.cc.st-warning { background: var(--warning-bg); border-bottom-color: var(--warning); }
.cc.st-info { background: var(--info-bg); border-bottom-color: var(--info); }
.cc.st-ok { background: var(--ok-bg); border-bottom-color: var(--ok); }
.cc.st-skip { background: var(--skip-bg); border-bottom-color: var(--skip); }
.cc.st-plain { background: transparent; border-bottom: 2px dotted var(--plain); }
.cc.active, .cc:target { box-shadow: 0 0 0 2px #1f5fa8; }
.swatch { display: inline-block; width: 26px; height: 16px; border-radius: 3px;
  border-bottom: 2px solid transparent; }
.swatch.st-error { background: var(--error-bg); border-bottom-color: var(--error); }
.swatch.st-warning { background: var(--warning-bg); border-bottom-color: var(--warning); }
.swatch.st-info { background: var(--info-bg); border-bottom-color: var(--info); }
.swatch.st-ok { background: var(--ok-bg); border-bottom-color: var(--ok); }
.swatch.st-skip { background: var(--skip-bg); border-bottom-color: var(--skip); }
.swatch.st-plain { border-bottom: 2px dotted var(--plain); }
details.more { margin: 8px 0 0; }
details.more summary { cursor: pointer; color: var(--muted); }
details.more ul { padding-left: 20px; margin: 8px 0; }
details.more li { margin: 4px 0; }
.chart { margin: 0 0 14px; }
.chart svg.plot { display: block; width: 100%; max-width: 900px; height: auto; }
.chart svg.plot text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans",
  sans-serif; }
.chart .keys { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 13px;
  color: var(--muted); margin: 6px 0 0; padding: 0; list-style: none; }
.chart .keys li { display: flex; align-items: center; gap: 6px; overflow-wrap: anywhere; }
.dot { flex: none; }
.quote { margin: 6px 0; padding: 2px 0 2px 12px; border-left: 3px solid var(--line);
  overflow-wrap: anywhere; }
.quote b { font-weight: 600; }
.ring { display: inline-block; width: 13px; height: 13px; border-radius: 50%;
  border: 2px solid var(--error); }
.refline { display: inline-block; width: 22px; height: 0; border-top: 2px solid #4b5563; }
.empty { color: var(--muted); }
#cc-panel { position: absolute; left: 16px; top: 16px; width: min(460px, calc(100vw - 32px));
  max-height: 65vh; overflow: auto; background: var(--paper); border: 1px solid var(--line);
  border-radius: 10px; box-shadow: 0 8px 28px rgba(15, 23, 42, 0.18); padding: 14px 16px;
  z-index: 10; }
#cc-panel[hidden] { display: none; }
#cc-panel .close { position: absolute; right: 8px; top: 6px; border: 0; background: none;
  font-size: 20px; line-height: 1; cursor: pointer; color: var(--muted); padding: 4px 8px; }
#cc-panel h3 { margin-right: 28px; }
#cc-panel .what { color: var(--muted); font-size: 13px; margin: 0 0 8px; }
#cc-panel .result { border-top: 1px solid var(--line); padding: 8px 0 4px; }
#cc-panel .result p { margin: 4px 0; }
footer { color: var(--muted); font-size: 12px; margin-top: 32px; }
"""

SCRIPT = """
(function () {
  "use strict";
  var source = document.getElementById("cc-data");
  var panel = document.getElementById("cc-panel");
  if (!source || !panel) { return; }
  var data = JSON.parse(source.textContent || "{}");
  var claims = data.claims || {};
  var results = data.results || [];
  var body = document.getElementById("cc-panel-body");
  var active = null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function anchorLink(anchor, text) {
    var link = el("a", "", text);
    if (/^[a-z0-9-]+$/.test(anchor)) { link.setAttribute("href", "#" + anchor); }
    return link;
  }

  function badge(result) {
    if (result.kind === "finding") {
      return el("span", "badge " + result.severity, result.severity);
    }
    if (result.kind === "verified") { return el("span", "badge ok", "\\u2713 verified"); }
    return el("span", "badge skip", "not checked");
  }

  function describe(result, selfKey, selfDocument) {
    var box = el("div", "result");
    var head = el("div", "head");
    head.appendChild(badge(result));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(el("code", "", result.code));
    head.appendChild(document.createTextNode(" " + result.name));
    box.appendChild(head);
    box.appendChild(el("p", "", result.message));
    var arithmetic = result.arithmetic;
    if (arithmetic) {
      var lines = el("div", "arith mono");
      lines.appendChild(el("div", "", arithmetic.expression));
      lines.appendChild(el("div", "", arithmetic.intervals));
      box.appendChild(lines);
    }
    var others = result.claims.filter(function (c) { return c.anchor !== selfKey; });
    if (others.length) {
      var cites = el("p", "cites", "with ");
      others.forEach(function (c, index) {
        if (index) { cites.appendChild(document.createTextNode(", ")); }
        var label = c.text + (c.document !== selfDocument ? " (" + c.document + ")" : "");
        cites.appendChild(c.anchor ? anchorLink(c.anchor, label) : el("span", "", label));
      });
      box.appendChild(cites);
    }
    if (result.anchor) {
      var more = el("p", "cites");
      more.appendChild(anchorLink(result.anchor, "in the list of findings"));
      box.appendChild(more);
    }
    return box;
  }

  function open(mark) {
    var key = mark.getAttribute("data-claim");
    var claim = claims[key];
    if (!claim) { return; }
    if (active) { active.classList.remove("active"); }
    active = mark;
    mark.classList.add("active");
    body.replaceChildren();
    body.appendChild(el("h3", "", "\\u201c" + claim.text + "\\u201d"));
    var what = claim.what ? " \\u00b7 " + claim.what : "";
    body.appendChild(el("p", "what", claim.document + what));
    if (!claim.results.length) {
      body.appendChild(el("p", "empty", "No check used this figure."));
    }
    claim.results.forEach(function (index) {
      body.appendChild(describe(results[index], key, claim.document));
    });
    panel.hidden = false;
    place(mark);
  }

  function place(mark) {
    var box = mark.getBoundingClientRect();
    var width = panel.offsetWidth;
    var height = panel.offsetHeight;
    var view = document.documentElement.clientWidth;
    var left = Math.max(16, Math.min(box.left, view - width - 16));
    var above = box.top - height - 8;
    var top = window.innerHeight - box.bottom >= height + 12 || above < 8 ? box.bottom + 8 : above;
    panel.style.left = (left + window.scrollX) + "px";
    panel.style.top = (top + window.scrollY) + "px";
    panel.scrollTop = 0;
    var overflow = top + height + 16 - window.innerHeight;
    if (top > box.top && overflow > 0) {
      window.scrollBy(0, Math.min(overflow, box.top - 16));
    }
  }

  function close() {
    panel.hidden = true;
    if (active) { active.classList.remove("active"); active.focus(); active = null; }
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var mark = target && target.closest ? target.closest(".cc") : null;
    if (mark) { event.preventDefault(); open(mark); return; }
    if (target && target.closest && target.closest(".close")) { close(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !panel.hidden) { close(); return; }
    var target = event.target;
    if ((event.key === "Enter" || event.key === " ") && target && target.classList &&
        target.classList.contains("cc")) {
      event.preventDefault();
      open(target);
    }
  });
})();
"""


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy() -> str:
    """The page's policy: nothing loads, only :data:`STYLE` and :data:`SCRIPT` apply."""
    return (
        "default-src 'none'; "
        f"style-src {_sha256(STYLE)}; "
        f"script-src {_sha256(SCRIPT)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
