// The cascade viewer: click a plan to see its targets beside its parents' and its findings;
// hover to highlight the plans it cites (up) and the plans citing it (down). No network.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('cascade-data').textContent);
  var svg = document.querySelector('#canvas svg');
  var panel = document.getElementById('panel');
  var nodes = {};
  data.nodes.forEach(function (n) { nodes[n.id] = n; });
  var up = {}, down = {};
  data.edges.forEach(function (l) {
    if (l.kind !== 'cites') { return; }
    (up[l.source] = up[l.source] || []).push(l.target);
    (down[l.target] = down[l.target] || []).push(l.source);
  });

  function reach(start, adjacency, seen) {
    var stack = [start];
    while (stack.length) {
      var id = stack.pop();
      (adjacency[id] || []).forEach(function (next) {
        if (!seen[next]) { seen[next] = true; stack.push(next); }
      });
    }
    return seen;
  }

  function highlight(id) {
    var chain = {};
    chain[id] = true;
    reach(id, up, chain);
    reach(id, down, chain);
    svg.classList.add('highlighting');
    svg.querySelectorAll('.node').forEach(function (g) {
      g.classList.toggle('chain', !!chain[g.getAttribute('data-id')]);
    });
    svg.querySelectorAll('.edge').forEach(function (p) {
      var on = chain[p.getAttribute('data-from')] && chain[p.getAttribute('data-to')];
      p.classList.toggle('chain', !!on);
    });
  }

  function clear() {
    svg.classList.remove('highlighting');
    svg.querySelectorAll('.chain').forEach(function (e) { e.classList.remove('chain'); });
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }

  function select(id) {
    var n = nodes[id];
    if (!n) { return; }
    svg.querySelectorAll('.node.selected').forEach(function (g) { g.classList.remove('selected'); });
    var g = svg.querySelector('.node[data-id="' + id + '"]');
    if (g) { g.classList.add('selected'); }
    panel.textContent = '';
    panel.setAttribute('data-selected', id);
    panel.appendChild(el('h2', n.lines.join(' · ')));
    if (n.file) { panel.appendChild(el('div', n.file, 'file')); }
    if (n.campaign) { panel.appendChild(el('div', '专项 campaign: ' + n.campaign, 'file')); }
    if (n.kind === 'stub') {
      panel.appendChild(el('p', '该文件不在语料库中（仅由引用得知）。 Not in the corpus: known only from citations.', 'hint'));
    }
    var counts = n.findings;
    panel.appendChild(el('p', '问题 Findings: ' + counts.errors + ' 错误 errors, ' + counts.warnings + ' 警告 warnings, ' + counts.notes + ' 提示 notes'));
    var targets = n.targets || [];
    if (targets.length) {
      panel.appendChild(el('h3', '目标 Targets'));
      var table = el('table');
      table.id = 'targets';
      var head = el('tr');
      ['指标 indicator', '年份 year', '本方案 this plan', '上级方案 parent', ''].forEach(function (h) { head.appendChild(el('th', h)); });
      table.appendChild(head);
      targets.forEach(function (t) {
        var row = el('tr', null, t.weaker ? 'weaker' : '');
        row.appendChild(el('td', t.indicator));
        row.appendChild(el('td', t.year));
        row.appendChild(el('td', t.value));
        row.appendChild(el('td', t.parent ? t.parent.value + '（' + t.parent.plan + '）' : '—'));
        row.appendChild(el('td', t.weaker ? '▼ 弱于上级 weaker' : '', 'mark'));
        table.appendChild(row);
      });
      panel.appendChild(table);
    }
    var messages = n.messages || [];
    if (messages.length) {
      panel.appendChild(el('h3', '发现的问题 Errors and warnings'));
      var list = el('ul');
      list.id = 'findings';
      messages.forEach(function (m) {
        list.appendChild(el('li', m.code + '（第 ' + m.line + ' 行 line ' + m.line + '）：' + m.message, m.severity));
      });
      panel.appendChild(list);
    }
  }

  svg.querySelectorAll('.node').forEach(function (g) {
    var id = g.getAttribute('data-id');
    g.addEventListener('click', function () { select(id); });
    g.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { select(id); } });
    g.addEventListener('mouseenter', function () { highlight(id); });
    g.addEventListener('focus', function () { highlight(id); });
    g.addEventListener('mouseleave', clear);
    g.addEventListener('blur', clear);
  });

  // `?select=n3` opens a plan, as a click on it does, and brings it into view (for links and
  // for tests).
  var wanted = new URLSearchParams(window.location.search).get('select');
  if (wanted) {
    var target = svg.querySelector('.node[data-id="' + wanted + '"]');
    if (target) {
      target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      target.scrollIntoView({ block: 'center', inline: 'center' });
    }
  }
})();
