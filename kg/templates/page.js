// The page script of kg/export/html.py. Every piece of data reaches the DOM through
// textContent (el below); no HTML string is ever parsed.
"use strict";
(function () {
  const D = JSON.parse(document.getElementById("kg-data").textContent);
  // lookups by data-given keys must not reach Object.prototype ("constructor", "__proto__")
  const own = (obj, key) => (Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined);
  const TYPES = Object.fromEntries(D.types.map(([t, colour, shape]) => [t, { colour, shape }]));
  const RELS = Object.fromEntries(D.relations.map(([r, colour, zh, n, sym]) => [r, { colour, zh, sym }]));
  const byNode = D.nodes.map(() => []);
  D.facts.forEach((f, i) => { byNode[f.s].push(i); if (f.o !== null && f.o !== f.s) byNode[f.o].push(i); });
  const show = { types: new Set(D.types.map((t) => t[0])), rels: new Set(D.relations.map((r) => r[0])), from: "", to: "" };
  const visible = new Uint8Array(D.nodes.length).fill(1);

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function add(parent, ...kids) { kids.forEach((k) => parent.appendChild(k)); return parent; }
  const big = D.nodes.length > 1500 || D.facts.length > 5000;

  document.getElementById("title").textContent = D.title;
  document.title = D.title;

  // ---- network -------------------------------------------------------------
  const nodes = new vis.DataSet(D.nodes.map((n, i) => ({
    id: i, label: n.label, x: n.x, y: n.y, size: n.size,
    shape: (own(TYPES, n.type) || {}).shape || "dot", color: (own(TYPES, n.type) || {}).colour || "#8c8c8c",
    title: [n.label, n.pinyin, n.type + (n.date ? " · " + n.date : "")].concat(n.aliases.length ? ["别名: " + n.aliases.join("、")] : []).join("\n"),
  })));
  const edges = new vis.DataSet(D.facts.flatMap((f, i) => f.o === null ? [] : [{
    id: i, from: f.s, to: f.o, color: { color: (own(RELS, f.rel) || {}).colour || "#999", opacity: 0.8 },
    arrows: (own(RELS, f.rel) || {}).sym ? "" : "to", label: D.edge_labels ? edgeLabel(f) : undefined,
    title: edgeLabel(f) + "\n" + D.nodes[f.s].label + " → " + D.nodes[f.o].label,
  }]));
  function edgeLabel(f) {
    const a = f.attributes || {};
    const role = a.role && (own(D.value_labels, a.role) || a.role);
    return String(a.title || role || (own(RELS, f.rel) || {}).zh || f.rel);
  }
  const nodeView = new vis.DataView(nodes, { filter: (n) => visible[n.id] === 1 });
  const edgeView = new vis.DataView(edges, {
    filter: (e) => show.rels.has(D.facts[e.id].rel) && visible[e.from] === 1 && visible[e.to] === 1,
  });
  const network = new vis.Network(document.getElementById("network"), { nodes: nodeView, edges: edgeView }, {
    physics: false,
    layout: { improvedLayout: false },
    nodes: { font: { size: 18, face: "WenQuanYi Zen Hei, Noto Sans CJK SC, sans-serif", strokeWidth: 3, strokeColor: "#fff" }, borderWidth: 1 },
    edges: { smooth: false, width: 1.2, font: { size: 11, align: "middle", color: "#555" }, selectionWidth: 2 },
    interaction: { hover: !big, tooltipDelay: 200, hideEdgesOnDrag: big, hideEdgesOnZoom: big },
  });
  network.once("afterDrawing", () => { window.kgReadyAt = performance.now(); window.kgReady = true; });
  window.kgNetwork = network;
  window.kgFocus = focusNode;

  // ---- filters ---------------------------------------------------------------
  function refresh() {
    D.nodes.forEach((n, i) => {
      let on = show.types.has(n.type);
      if (on && n.type === "event" && n.date) on = (!show.from || n.date >= show.from) && (!show.to || n.date <= show.to);
      visible[i] = on ? 1 : 0;
    });
    nodeView.refresh();
    edgeView.refresh();
    document.getElementById("stats").textContent = nodeView.length + " / " + D.nodes.length + " 节点 nodes · " + edgeView.length + " 连线 edges";
  }
  function checkbox(box, key, set, label, swatch) {
    const input = el("input"); input.type = "checkbox"; input.checked = true; input.value = key;
    input.dataset.filter = key;
    input.addEventListener("change", () => { input.checked ? set.add(key) : set.delete(key); refresh(); });
    box.appendChild(add(el("label"), input, swatch, el("span", label)));
  }
  D.types.forEach(([t, colour, shape, zh, n]) => {
    const sw = el("span", null, "swatch"); sw.style.background = colour;
    checkbox(document.getElementById("type-filters"), t, show.types, zh + " " + t + " (" + n + ")", sw);
  });
  D.relations.forEach(([r, colour, zh, n]) => {
    const sw = el("span", null, "line"); sw.style.background = colour;
    checkbox(document.getElementById("relation-filters"), r, show.rels, zh + " " + r + " (" + n + ")", sw);
  });
  const dates = D.nodes.map((n) => n.date).filter(Boolean).sort();
  if (dates.length) {
    document.getElementById("date-filter").hidden = false;
    [["date-from", "from", dates[0]], ["date-to", "to", dates[dates.length - 1]]].forEach(([id, key, value]) => {
      const input = document.getElementById(id);
      input.value = value; input.min = dates[0]; input.max = dates[dates.length - 1];
      input.addEventListener("change", () => { show[key] = input.value; refresh(); });
    });
  }

  // ---- search ----------------------------------------------------------------
  const search = document.getElementById("search");
  const results = document.getElementById("results");
  const lowered = D.nodes.map((n) => [n.label].concat(n.aliases).map((s) => s.toLowerCase()));
  function matches(q) {
    const raw = q.trim().toLowerCase(), squashed = raw.replace(/\s+/g, "");
    if (!squashed) return [];
    const scored = [];
    D.nodes.forEach((n, i) => {
      if (!visible[i]) return;
      const names = lowered[i];
      let score = 9;
      if (names[0] === raw) score = 0;
      else if (names.includes(raw)) score = 1;
      else if (n.search.includes(squashed)) score = 2;
      else if (names.some((s) => s.startsWith(raw)) || n.search.some((s) => s.startsWith(squashed))) score = 3;
      else if (names.some((s) => s.includes(raw))) score = 4;
      if (score < 9) scored.push([score, n.label.length, i]);
    });
    return scored.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]).slice(0, 12).map((s) => s[2]);
  }
  search.addEventListener("input", () => {
    results.replaceChildren(...matches(search.value).map((i) => {
      const n = D.nodes[i], li = el("li", n.label);
      li.dataset.node = i;
      li.appendChild(el("span", " " + n.type + " · " + n.pinyin, "sub"));
      li.addEventListener("click", () => { focusNode(i); results.replaceChildren(); });
      return li;
    }));
  });
  search.addEventListener("keydown", (ev) => {
    if (ev.key !== "Enter") return;
    const found = matches(search.value);
    if (found.length) { focusNode(found[0]); results.replaceChildren(); }
  });

  function focusNode(i) {
    if (!visible[i]) return;
    network.selectNodes([i]);
    network.focus(i, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showNode(i);
  }

  // ---- evidence panel --------------------------------------------------------
  const panel = document.getElementById("panel");
  function link(i) {
    const a = el("a", D.nodes[i].label);
    a.addEventListener("click", () => focusNode(i));
    return a;
  }
  function table(obj) {
    const t = el("table");
    Object.keys(obj || {}).sort().forEach((k) => {
      const v = obj[k];
      add(t, add(el("tr"), el("td", k, "sub"), el("td", typeof v === "object" && v !== null ? JSON.stringify(v) : v)));
    });
    return t;
  }
  function sentence(src, marks) {
    const q = el("blockquote"), spans = marks.slice().sort((a, b) => a[0] - b[0]);
    let at = 0;
    spans.forEach(([a, b]) => {
      if (a < at) return;
      q.appendChild(document.createTextNode(src.sentence.slice(at, a)));
      q.appendChild(el("mark", src.sentence.slice(a, b)));
      at = b;
    });
    q.appendChild(document.createTextNode(src.sentence.slice(at)));
    const doc = own(D.documents, src.doc) || {};
    q.appendChild(el("cite", "— " + src.doc + where(doc, src.page) + (doc.date ? " · " + doc.date : "") + (doc.place ? " · " + doc.place : "") + (src.start === "" ? "" : " [" + src.start + "–" + src.end + "]")));
    return q;
  }
  // a PDF page: paper, 第N版 and page number; a saved HTML page: its headline
  function where(doc, page) {
    const parts = [];
    if (doc.paper || doc.edition) parts.push((doc.paper || "") + (doc.edition ? " 第" + doc.edition + "版" : ""));
    if (page !== undefined && page !== null) parts.push("p." + page);
    if (doc.kind === "html" && doc.headline) parts.push("《" + doc.headline + "》");
    return parts.length ? " · " + parts.join(" · ") : "";
  }
  function factLine(f, me) {
    const li = el("li"), other = f.s === me ? f.o : f.s, a = f.attributes || {};
    li.appendChild(el("span", ((own(RELS, f.rel) || {}).zh || f.rel) + (f.s === me ? " → " : " ← ")));
    if (other !== null) li.appendChild(link(other));
    const extra = ["title", "role", "change", "amount", "order"].filter((k) => a[k] !== undefined).map((k) => k + ": " + (own(D.value_labels, a[k]) ? own(D.value_labels, a[k]) + " " : "") + a[k]);
    if (extra.length) li.appendChild(el("span", " (" + extra.join(", ") + ")", "sub"));
    if (f.tenure) li.appendChild(el("span", " " + tenureLine(f.tenure), "sub"));
    return li;
  }
  function evidence(b) {
    return (own(D.evidence_labels, b.evidence) || b.evidence || "");
  }
  function tenureLine(t) {
    const end = t.end.date ? t.end.date + " " + evidence(t.end) : "… (" + evidence(t.end) + " " + (t.last_seen || "?") + ")";
    return "任期 " + (t.start.date ? t.start.date + " " + evidence(t.start) : "?") + " – " + end;
  }
  function tenure(t) {
    if (!t) return [];
    const bound = (name, b) => {
      const li = el("li", name + ": " + (b.date || "—") + " · " + evidence(b) + (b.evidence ? " " + b.evidence : ""));
      if (b.person !== null && b.person !== undefined) li.appendChild(add(el("span", " ← "), link(b.person)));
      if (b.sentence) li.appendChild(sentence({ doc: b.doc, sentence: b.sentence, start: "", end: "" }, []));
      return li;
    };
    const items = [bound("起 start", t.start), bound("止 end", t.end)];
    if (t.last_seen) items.push(el("li", "末见 last seen: " + t.last_seen));
    return section("任期 Tenure", items);
  }
  function section(title, items) {
    if (!items.length) return [];
    return [el("h3", title), add(el("ul"), ...items)];
  }
  function sources(list, pick) {
    const seen = new Set(), out = [];
    list.forEach((f) => f.sources.forEach((s) => {
      const key = s.doc + "\u0000" + s.sentence;
      if (seen.has(key) || out.length >= 60) return;
      seen.add(key);
      out.push(sentence(s, pick(f, s)));
    }));
    return out.length ? [el("h3", "原文 Sources (" + out.length + ")"), ...out] : [];
  }
  function showNode(i) {
    const n = D.nodes[i], facts = byNode[i].map((k) => D.facts[k]);
    const posts = facts.filter((f) => f.rel === "holds_position" && f.s === i);
    const events = facts.filter((f) => f.rel === "participated");
    const rest = facts.filter((f) => !posts.includes(f) && !events.includes(f));
    const mentions = n.mentions.map(([doc, a, b, text, page]) => el("li", text + " — " + doc + where(own(D.documents, doc) || {}, page) + " [" + a + "–" + b + "]"));
    panel.replaceChildren(
      el("h2", n.label), el("div", n.type + " · " + n.pinyin, "sub"),
      ...(n.aliases.length ? [el("div", "别名 aliases: " + n.aliases.join("、"))] : []),
      el("div", "id: " + n.id, "sub"), table(n.attributes),
      ...section("职务 Posts", posts.map((f) => factLine(f, i))),
      ...section(n.type === "event" ? "参加者 Participants" : "活动 Events", events.map((f) => factLine(f, i))),
      ...section("关系 Relations", rest.map((f) => factLine(f, i))),
      // in each source sentence, mark this node's own words
      ...sources(facts, (f, s) => (f.s === i ? s.marks.s : []).concat(f.o === i ? s.marks.o : [])),
      ...section("提及 Mentions (" + n.mention_count + ")", mentions),
    );
  }
  function showEdge(k) {
    const f = D.facts[k];
    panel.replaceChildren(
      el("h2", ((own(RELS, f.rel) || {}).zh || f.rel) + " " + f.rel),
      add(el("div"), link(f.s), el("span", (own(RELS, f.rel) || {}).sym ? " ↔ " : " → "), link(f.o)),
      table(f.attributes),
      ...tenure(f.tenure),
      ...sources([f], (g, s) => s.marks.s.concat(s.marks.o)),
    );
  }
  network.on("click", (p) => {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });

  refresh();
  if (D.focus !== null && D.focus !== undefined) focusNode(D.focus);
})();
