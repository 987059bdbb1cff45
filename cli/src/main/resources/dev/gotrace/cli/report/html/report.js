// Draws the report's charts from the JSON in #chart-data: uPlot for histograms and series, canvas for
// flame graphs and the timeline. Everything is local; the page makes no request.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('chart-data').textContent);

  function fmtNs(ns) {
    if (ns == null || !isFinite(ns)) return '';
    const a = Math.abs(ns);
    if (a >= 1e9) return +(ns / 1e9).toPrecision(3) + ' s';
    if (a >= 1e6) return +(ns / 1e6).toPrecision(3) + ' ms';
    if (a >= 1e3) return +(ns / 1e3).toPrecision(3) + ' µs';
    return Math.round(ns) + ' ns';
  }

  function fmtBytes(b) {
    if (b == null || !isFinite(b)) return '';
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let i = 0;
    while (Math.abs(b) >= 1024 && i < units.length - 1) { b /= 1024; i++; }
    return +b.toPrecision(3) + ' ' + units[i];
  }

  function empty(el, text) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = text;
    el.appendChild(p);
  }

  function widthOf(el) {
    return Math.max(320, Math.floor(el.getBoundingClientRect().width) - 4);
  }

  function histogram(el, h, what) {
    if (!h || h.counts.length === 0) { empty(el, 'No ' + what + ' in this trace.'); return; }
    const xs = h.counts.map(function (_, i) { return i; });
    const range = function (i) { return fmtNs(h.edges_ns[i]) + ' – ' + fmtNs(h.edges_ns[i + 1]); };
    new uPlot({
      width: widthOf(el), height: 220,
      scales: { x: { time: false, range: [-0.5, xs.length - 0.5] } },
      axes: [
        { space: 70, incrs: [1, 2, 4, 8, 16], values: function (u, ticks) {
          return ticks.map(function (t) { return Number.isInteger(t) && t >= 0 && t < xs.length ? fmtNs(h.edges_ns[t]) : ''; });
        } },
        { size: 60 }
      ],
      series: [
        { label: 'bucket', value: function (u, v) { return v == null ? '' : range(v); } },
        { label: 'count', stroke: '#3c78d8', fill: 'rgba(60,120,216,0.45)', points: { show: false },
          paths: uPlot.paths.bars({ size: [0.9, 80] }) }
      ]
    }, [xs, h.counts], el);
  }

  function mmuChart(el, m) {
    if (!m || m.window_ns.length === 0) { empty(el, 'No MMU: the trace is empty.'); return; }
    new uPlot({
      width: widthOf(el), height: 220,
      scales: { x: { time: false, distr: 3 }, y: { range: [0, 1] } },
      axes: [{ values: function (u, ticks) { return ticks.map(fmtNs); } }, {}],
      series: [
        { label: 'window', value: function (u, v) { return fmtNs(v); } },
        { label: 'MMU', stroke: '#d85a3c', width: 2 }
      ]
    }, [m.window_ns, m.mmu], el);
  }

  function columns(points) {
    return [points.map(function (p) { return p[0]; }), points.map(function (p) { return p[1]; })];
  }

  function heapChart(el, c) {
    if (c.heap_bytes.length === 0 && c.heap_goal_bytes.length === 0) { empty(el, 'No heap metrics in this trace.'); return; }
    const tables = [c.heap_bytes, c.heap_goal_bytes].filter(function (s) { return s.length > 0; }).map(columns);
    const names = [];
    if (c.heap_bytes.length > 0) names.push({ label: 'heap', stroke: '#3c78d8' });
    if (c.heap_goal_bytes.length > 0) names.push({ label: 'heap goal', stroke: '#999', dash: [4, 4] });
    new uPlot({
      width: widthOf(el), height: 220,
      scales: { x: { time: false } },
      axes: [{ values: function (u, t) { return t.map(fmtNs); } }, { size: 70, values: function (u, t) { return t.map(fmtBytes); } }],
      series: [{ label: 'time', value: function (u, v) { return fmtNs(v); } }].concat(names.map(function (s) {
        return Object.assign({ spanGaps: true, paths: uPlot.paths.stepped({ align: 1 }), value: function (u, v) { return fmtBytes(v); } }, s);
      }))
    }, uPlot.join(tables), el);
  }

  function goroutineChart(el, c) {
    const g = c.goroutines;
    const states = ['running', 'runnable', 'waiting', 'syscall'];
    const colors = ['#2e9e44', '#e0a82e', '#999999', '#8e44ad'];
    const tables = [[g.ts].concat(states.map(function (s) { return g[s]; }))];
    const series = [{ label: 'time', value: function (u, v) { return fmtNs(v); } }].concat(states.map(function (s, i) {
      return { label: s, stroke: colors[i], points: { show: false } };
    }));
    if (c.gomaxprocs.length > 0) {
      tables.push(columns(c.gomaxprocs));
      series.push({ label: 'GOMAXPROCS', stroke: '#d85a3c', dash: [4, 4], spanGaps: true, paths: uPlot.paths.stepped({ align: 1 }) });
    }
    new uPlot({
      width: widthOf(el), height: 220,
      scales: { x: { time: false } },
      axes: [{ values: function (u, t) { return t.map(fmtNs); } }, { size: 50 }],
      series: series
    }, tables.length > 1 ? uPlot.join(tables) : tables[0], el);
  }

  function namedHistograms(el, byName, what) {
    const names = Object.keys(byName);
    if (names.length === 0) { empty(el, 'No ' + what + ' in this trace.'); return; }
    names.forEach(function (name) {
      const fig = document.createElement('figure');
      const cap = document.createElement('figcaption');
      cap.textContent = name + ' (' + byName[name].total + ')';
      const div = document.createElement('div');
      div.className = 'chart';
      fig.appendChild(cap);
      fig.appendChild(div);
      el.appendChild(fig);
      histogram(div, byName[name], what);
    });
  }

  function color(key) {
    let h = 0;
    for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
    return 'hsl(' + (h % 360) + ',55%,' + (62 + (h >> 9) % 14) + '%)';
  }

  function setupCanvas(canvas, height) {
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(320, canvas.getBoundingClientRect().width || 800);
    canvas.style.height = height + 'px';
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const ctx = canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    return { ctx: ctx, width: width, height: height };
  }

  function depthOf(node) {
    let d = 0;
    (node.c || []).forEach(function (c) { d = Math.max(d, depthOf(c)); });
    return d + 1;
  }

  function flameGraph(parent, profile, root) {
    const box = document.createElement('div');
    box.className = 'flame';
    const label = document.createElement('div');
    label.className = 'label';
    box.appendChild(label);
    parent.appendChild(box);
    if (!root || root.v === 0) {
      label.textContent = profile + ' profile';
      empty(box, 'No ' + profile + ' blocking in this trace.');
      return;
    }
    label.textContent = profile + ' profile: ' + fmtNs(root.v) + ' of delay in its top stacks';
    const canvas = document.createElement('canvas');
    box.appendChild(canvas);
    const rowHeight = 16;
    let focus = root;
    let boxes = [];
    function draw() {
      const c = setupCanvas(canvas, depthOf(focus) * rowHeight + 2);
      boxes = [];
      (function walk(node, depth, x, w) {
        if (w < 0.5) return;
        const y = depth * rowHeight;
        c.ctx.fillStyle = depth === 0 ? '#c9d3e6' : color(node.n.split(' ')[0]);
        c.ctx.fillRect(x, y, Math.max(w - 1, 0.5), rowHeight - 1);
        if (w > 40) {
          c.ctx.fillStyle = '#111';
          c.ctx.save();
          c.ctx.beginPath();
          c.ctx.rect(x, y, w - 2, rowHeight);
          c.ctx.clip();
          c.ctx.fillText(node.n, x + 3, y + rowHeight / 2);
          c.ctx.restore();
        }
        boxes.push({ node: node, depth: depth, x: x, y: y, w: w });
        let cx = x;
        (node.c || []).forEach(function (child) {
          const cw = w * child.v / node.v;
          walk(child, depth + 1, cx, cw);
          cx += cw;
        });
      })(focus, 0, 0, c.width);
    }
    function at(ev) {
      const r = canvas.getBoundingClientRect();
      const x = ev.clientX - r.left;
      const y = ev.clientY - r.top;
      return boxes.find(function (b) { return x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + rowHeight; });
    }
    canvas.addEventListener('mousemove', function (ev) {
      const b = at(ev);
      canvas.title = b ? b.node.n + '\n' + fmtNs(b.node.v) + ' (' + (100 * b.node.v / root.v).toFixed(1) + ' %)' : '';
    });
    canvas.addEventListener('click', function (ev) {
      const b = at(ev);
      if (!b) return;
      focus = b.depth === 0 ? root : b.node;
      draw();
    });
    draw();
  }

  function timeline(canvas, t, duration) {
    document.getElementById('timeline-selection').textContent = 'Goroutines on their Ps: ' + t.selection + ' ('
      + Object.keys(t.goroutines).length + ' goroutines, ' + t.slices.length + ' running slices'
      + (t.cut ? ', cut at the first ' + t.slices.length : '') + '), GC and stop-the-world bands above.';
    const hover = document.getElementById('timeline-hover');
    const rowHeight = 18;
    const rows = ['GC', 'STW'].concat(t.procs.map(function (p) { return 'P' + p; }));
    const rowOf = {};
    t.procs.forEach(function (p, i) { rowOf[p] = i + 2; });
    const labelWidth = 40;
    let view = [0, Math.max(duration, 1)];
    let c;
    function x(ts) { return labelWidth + (ts - view[0]) / (view[1] - view[0]) * (c.width - labelWidth); }
    function draw() {
      c = setupCanvas(canvas, rows.length * rowHeight + 16);
      const ctx = c.ctx;
      ctx.clearRect(0, 0, c.width, c.height);
      rows.forEach(function (name, i) {
        ctx.fillStyle = i % 2 ? '#fafafa' : '#f2f2f4';
        ctx.fillRect(labelWidth, i * rowHeight, c.width - labelWidth, rowHeight);
        ctx.fillStyle = '#333';
        ctx.fillText(name, 4, i * rowHeight + rowHeight / 2);
      });
      t.bands.forEach(function (b) {
        if (b[2] < view[0] || b[1] > view[1]) return;
        ctx.fillStyle = b[0] === 'GC' ? 'rgba(216,90,60,0.55)' : 'rgba(142,68,173,0.7)';
        const x0 = Math.max(labelWidth, x(b[1]));
        ctx.fillRect(x0, (b[0] === 'GC' ? 0 : 1) * rowHeight + 2, Math.max(1, x(b[2]) - x0), rowHeight - 4);
      });
      t.slices.forEach(function (s) {
        if (s[2] < view[0] || s[1] > view[1]) return;
        const x0 = Math.max(labelWidth, x(s[1]));
        ctx.fillStyle = color('G' + s[3]);
        ctx.fillRect(x0, rowOf[s[0]] * rowHeight + 2, Math.max(1, x(s[2]) - x0), rowHeight - 4);
      });
      ctx.fillStyle = '#555';
      ctx.fillText(fmtNs(view[0]), labelWidth, rows.length * rowHeight + 8);
      const end = fmtNs(view[1]);
      ctx.fillText(end, c.width - ctx.measureText(end).width - 2, rows.length * rowHeight + 8);
    }
    function timeAt(px) { return view[0] + (px - labelWidth) / (c.width - labelWidth) * (view[1] - view[0]); }
    canvas.addEventListener('wheel', function (ev) {
      ev.preventDefault();
      const r = canvas.getBoundingClientRect();
      const t0 = timeAt(ev.clientX - r.left);
      const k = ev.deltaY > 0 ? 1.25 : 0.8;
      const span = Math.max(1000, (view[1] - view[0]) * k);
      const f = (t0 - view[0]) / (view[1] - view[0]);
      view = [t0 - f * span, t0 + (1 - f) * span];
      draw();
    }, { passive: false });
    let drag = null;
    canvas.addEventListener('mousedown', function (ev) { drag = { x: ev.clientX, view: view.slice() }; });
    window.addEventListener('mouseup', function () { drag = null; });
    canvas.addEventListener('mousemove', function (ev) {
      const r = canvas.getBoundingClientRect();
      if (drag) {
        const dt = (ev.clientX - drag.x) / (c.width - labelWidth) * (drag.view[1] - drag.view[0]);
        view = [drag.view[0] - dt, drag.view[1] - dt];
        draw();
        return;
      }
      const ts = timeAt(ev.clientX - r.left);
      const row = Math.floor((ev.clientY - r.top) / rowHeight);
      const s = t.slices.find(function (s) { return rowOf[s[0]] === row && s[1] <= ts && ts <= s[2]; });
      hover.textContent = s ? 'G' + s[3] + ' ' + (t.goroutines[s[3]] || '') + ' on P' + s[0] + ': '
        + fmtNs(s[1]) + ' – ' + fmtNs(s[2]) + ' (' + fmtNs(s[2] - s[1]) + ')' : '';
    });
    canvas.addEventListener('dblclick', function () { view = [0, Math.max(duration, 1)]; draw(); });
    draw();
  }

  histogram(document.getElementById('sched-latency'), data.sched_latency, 'runnable waits');
  mmuChart(document.getElementById('mmu'), data.mmu);
  heapChart(document.getElementById('heap'), data.counters);
  goroutineChart(document.getElementById('goroutines'), data.counters);
  namedHistograms(document.getElementById('region-latency'), data.regions, 'regions');
  namedHistograms(document.getElementById('task-latency'), data.tasks, 'tasks');
  const flames = document.getElementById('flames');
  Object.keys(data.flames).forEach(function (p) { flameGraph(flames, p, data.flames[p]); });
  timeline(document.getElementById('timeline'), data.timeline, data.duration_ns);
  document.body.setAttribute('data-rendered', 'true');
})();
