// peergraph's HTML explorer (--render html): the page's only script, allowed by its hash. It reads the
// graph from the JSON block, finds the SVG's elements by the ids peergraph gave them (n1, e1, g1), and
// writes every piece of data with textContent: nothing from the data becomes markup.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const data = JSON.parse($('peergraph-data').textContent);
  const svg = document.querySelector('#canvas svg');
  const nodes = data.graph.nodes.map((n, i) => ({ data: n, el: $('n' + (i + 1)), edges: [], key: 'n' + (i + 1) }));
  const byID = new Map(nodes.map((n) => [n.data.id, n]));
  const edges = data.graph.edges.map((e, i) => {
    const edge = { data: e, el: $('e' + (i + 1)), from: byID.get(e.source), to: byID.get(e.target), key: 'e' + (i + 1) };
    if (edge.from) edge.from.edges.push(edge);
    if (edge.to && edge.to !== edge.from) edge.to.edges.push(edge);
    return edge;
  });
  const byKey = new Map([...nodes, ...edges].map((x) => [x.key, x]));
  const lower = (s) => String(s == null ? '' : s).toLowerCase();
  const element = (tag, text) => { const e = document.createElement(tag); if (text != null) e.textContent = String(text); return e; };

  // ---- pan and zoom, on the viewBox
  const initial = svg.viewBox.baseVal;
  const home = { x: initial.x, y: initial.y, w: initial.width, h: initial.height };
  let view = { ...home };
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  const show = () => svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`);
  const toSVG = (clientX, clientY) => {
    const point = svg.createSVGPoint();
    point.x = clientX; point.y = clientY;
    return point.matrixTransform(svg.getScreenCTM().inverse());
  };
  const zoom = (factor, cx, cy) => {
    const w = Math.min(home.w * 20, Math.max(home.w / 200, view.w * factor));
    const f = w / view.w;
    view = { x: cx - (cx - view.x) * f, y: cy - (cy - view.y) * f, w: view.w * f, h: view.h * f };
    show();
  };
  const centre = () => ({ x: view.x + view.w / 2, y: view.y + view.h / 2 });
  const fit = () => { view = { ...home }; show(); };
  const canvas = $('canvas');
  canvas.addEventListener('wheel', (event) => {
    event.preventDefault();
    const p = toSVG(event.clientX, event.clientY);
    zoom(event.deltaY < 0 ? 1 / 1.2 : 1.2, p.x, p.y);
  }, { passive: false });
  let drag = null, moved = false;
  canvas.addEventListener('pointerdown', (event) => {
    drag = { x: event.clientX, y: event.clientY, view: { ...view }, scale: view.w / canvas.clientWidth };
    moved = false;
  });
  window.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const dx = event.clientX - drag.x, dy = event.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) { moved = true; canvas.classList.add('dragging'); }
    view = { ...drag.view, x: drag.view.x - dx * drag.scale, y: drag.view.y - dy * drag.scale };
    show();
  });
  window.addEventListener('pointerup', () => { drag = null; canvas.classList.remove('dragging'); });
  document.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) {
      if (event.key === 'Escape') { event.target.blur(); }
      return;
    }
    const c = centre(), step = view.w / 10;
    const actions = {
      '+': () => zoom(1 / 1.2, c.x, c.y), '=': () => zoom(1 / 1.2, c.x, c.y), '-': () => zoom(1.2, c.x, c.y),
      '0': fit, 'ArrowLeft': () => { view.x -= step; show(); }, 'ArrowRight': () => { view.x += step; show(); },
      'ArrowUp': () => { view.y -= step; show(); }, 'ArrowDown': () => { view.y += step; show(); },
      '/': () => $('search').focus(), 'Escape': () => { select(null); $('search').value = ''; update(); },
    };
    if (actions[event.key]) { event.preventDefault(); actions[event.key](); }
  });
  $('fit').addEventListener('click', fit);

  // ---- which VPC holds an IPv4 address
  const ipv4 = (text) => {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
    if (!m || m.slice(1).some((x) => Number(x) > 255)) return null;
    return m.slice(1).reduce((a, x) => a * 256 + Number(x), 0);
  };
  const holds = (cidr, address) => {
    const [base, bits] = String(cidr).split('/');
    const start = ipv4(base), n = Number(bits);
    if (start == null || !(n >= 0 && n <= 32)) return false;
    const size = 2 ** (32 - n);
    return address >= Math.floor(start / size) * size && address < Math.floor(start / size) * size + size;
  };
  const nodeText = (n) => [n.data.id, n.data.name, n.data.region, n.data.owner, n.data.group,
    ...(n.data.ipv4_cidrs || []), ...(n.data.ipv6_cidrs || [])].map(lower).join('\n');
  const edgeText = (e) => [e.data.connection_id, e.data.name, e.data.description].map(lower).join('\n');
  nodes.forEach((n) => { n.text = nodeText(n); });
  edges.forEach((e) => { e.text = edgeText(e); });

  // ---- filters
  const fill = (id, values) => {
    const select = $(id);
    [...new Set(values.filter((v) => v != null && v !== ''))].sort().forEach((v) => {
      const option = element('option', v);
      option.value = v;
      select.appendChild(option);
    });
    select.addEventListener('change', update);
  };
  fill('status', edges.map((e) => e.data.status));
  fill('region', nodes.map((n) => n.data.region));
  fill('account', nodes.map((n) => n.data.owner));

  let selected = null;
  const mark = (item, cls, on) => { if (item.el) item.el.classList.toggle(cls, on); };

  // ---- everything the page shows follows from the search, the filters and the selection
  function update() {
    const q = lower($('search').value.trim());
    const status = $('status').value, region = $('region').value, account = $('account').value;
    const passes = (n) => (!region || n.data.region === region) && (!account || n.data.owner === account);
    const visibleEdges = new Set(edges.filter((e) => (!status || e.data.status === status) &&
      ((e.from && passes(e.from)) || (e.to && passes(e.to)))));
    const visibleNodes = new Set(nodes.filter((n) => (passes(n) && !status) || n.edges.some((e) => visibleEdges.has(e))));
    edges.forEach((e) => mark(e, 'hidden', !visibleEdges.has(e)));
    nodes.forEach((n) => mark(n, 'hidden', !visibleNodes.has(n)));
    let matches = null;
    if (q) {
      const address = ipv4(q);
      matches = new Set(address != null
        ? nodes.filter((n) => (n.data.ipv4_cidrs || []).some((c) => holds(c, address)))
        : [...nodes.filter((n) => n.text.includes(q)), ...edges.filter((e) => e.text.includes(q))]);
    }
    let focus = null;
    if (selected) {
      focus = new Set([selected]);
      if (selected.edges) selected.edges.forEach((e) => { focus.add(e); focus.add(e.from); focus.add(e.to); });
      else { focus.add(selected.from); focus.add(selected.to); }
    }
    const lit = focus || matches;
    [...nodes, ...edges].forEach((x) => {
      mark(x, 'match', !!matches && matches.has(x));
      mark(x, 'selected', x === selected);
      mark(x, 'dim', !!lit && !lit.has(x));
    });
    const shownMatches = matches ? [...matches].filter((x) => !(x.el && x.el.classList.contains('hidden'))) : [];
    $('count').textContent = matches
      ? `${shownMatches.filter((x) => x.edges).length} VPCs, ${shownMatches.filter((x) => !x.edges).length} connections match`
      : `${visibleNodes.size} VPCs, ${visibleEdges.size} connections`;
  }
  let timer = 0;
  $('search').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(update, 80); });

  // ---- the side panel: every field of what is selected
  const table = (entries) => {
    const t = element('table');
    entries.forEach(([k, v]) => {
      if (v == null || v === '' || (Array.isArray(v) && v.length === 0)) return;
      const row = t.insertRow();
      row.appendChild(element('td', k));
      row.appendChild(element('td', Array.isArray(v) ? v.join(' ') : typeof v === 'object' ? JSON.stringify(v) : v));
    });
    return t;
  };
  const skip = new Set(['source', 'target', 'key', 'label']);
  function panel() {
    const side = $('details');
    side.replaceChildren();
    if (!selected) { side.appendChild(element('p', 'Click a VPC or a connection to see every field.')).id = 'hint'; return; }
    if (selected.edges) {
      const d = selected.data;
      side.appendChild(element('h2', d.id));
      side.appendChild(table(Object.entries(d).filter(([k]) => k !== 'id' && k !== 'label')));
      side.appendChild(element('h3', `${selected.edges.length} connections`));
      const list = element('ul');
      selected.edges.forEach((e) => {
        const other = e.from === selected ? e.to : e.from;
        const item = element('li', `${e.data.name || e.data.connection_id} → ${other ? other.data.id : '?'} (${e.data.status || ''})`);
        item.addEventListener('click', () => select(e));
        list.appendChild(item);
      });
      side.appendChild(list);
    } else {
      const d = selected.data;
      side.appendChild(element('h2', d.name || d.connection_id));
      const entries = Object.entries(d).filter(([k]) => !skip.has(k) && k !== 'tags');
      side.appendChild(table(entries));
      const tags = Object.entries(d.tags || {});
      if (tags.length) { side.appendChild(element('h3', 'tags')); side.appendChild(table(tags)); }
      side.appendChild(element('h3', 'between'));
      const list = element('ul');
      [selected.from, selected.to].filter(Boolean).forEach((n) => {
        const item = element('li', n.data.id);
        item.addEventListener('click', () => select(n));
        list.appendChild(item);
      });
      side.appendChild(list);
    }
  }
  function select(item) { selected = item; panel(); update(); }
  svg.addEventListener('click', (event) => {
    if (moved) return;
    const g = event.target.closest('g.node, g.edge');
    select(g && byKey.has(g.id) ? byKey.get(g.id) : null);
  });

  // ---- the legend of the styles drawn
  const legend = $('legend');
  data.legend.forEach((entry) => {
    const row = element('div');
    const sample = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    sample.setAttribute('width', '36'); sample.setAttribute('height', '10');
    const line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
    [['x1', 0], ['y1', 5], ['x2', 36], ['y2', 5], ['stroke', entry.color], ['stroke-width', entry.line === 'bold' ? 4 : 2]]
      .forEach(([k, v]) => line.setAttribute(k, v));
    if (entry.line === 'dashed') line.setAttribute('stroke-dasharray', '6 4');
    if (entry.line === 'dotted') line.setAttribute('stroke-dasharray', '2 3');
    sample.appendChild(line);
    row.appendChild(sample);
    row.appendChild(element('span', entry.text));
    legend.appendChild(row);
  });

  // ---- a link to what is on the screen: the selection, search and filters in the fragment
  const state = () => {
    const p = new URLSearchParams();
    if ($('search').value) p.set('q', $('search').value);
    ['status', 'region', 'account'].forEach((k) => { if ($(k).value) p.set(k, $(k).value); });
    if (selected) p.set(selected.edges ? 'vpc' : 'connection', selected.edges ? selected.data.id : selected.data.connection_id);
    return p.toString();
  };
  $('copy').addEventListener('click', () => {
    const url = location.href.split('#')[0] + '#' + state();
    history.replaceState(null, '', url);
    const done = () => { $('copy').textContent = 'Link copied'; setTimeout(() => { $('copy').textContent = 'Copy link'; }, 1500); };
    if (navigator.clipboard) navigator.clipboard.writeText(url).then(done, done); else done();
  });
  function restore() {
    const p = new URLSearchParams(location.hash.slice(1));
    $('search').value = p.get('q') || '';
    ['status', 'region', 'account'].forEach((k) => {
      const v = p.get(k);
      if (v && [...$(k).options].some((o) => o.value === v)) $(k).value = v;
    });
    const vpc = p.get('vpc'), connection = p.get('connection');
    selected = (vpc && byID.get(vpc)) || (connection && edges.find((e) => e.data.connection_id === connection)) || null;
    panel();
    update();
  }
  window.addEventListener('hashchange', restore);
  restore();
  // For the tests and the benchmark: ready, and how long after the navigation began.
  document.body.dataset.readyMs = String(Math.round(performance.now()));
  document.body.dataset.ready = 'true';
})();
