// ClawLearn learning dashboard. Everything comes from the API next to this file; nothing is loaded from elsewhere.
'use strict';
(function () {
  const API = '/__openclaw__/api/learning';
  const params = new URLSearchParams(location.search);
  const token = params.get('token');
  const agent = params.get('agent');
  const COLORS = ['#FF5A2D', '#2FBF71', '#FFB020', '#4EA8DE', '#B388EB', '#F25F8B', '#6FD6C8', '#C9B458'];
  const charts = {};
  const state = { loaded: false, refreshes: 0, lastError: null, posteriors: [] };
  window.clawlearnDashboard = state;

  function url(path, query) {
    const q = new URLSearchParams(query || {});
    if (agent) q.set('agent', agent);
    const s = q.toString();
    return API + '/' + path + (s ? '?' + s : '');
  }

  async function call(path, query, body) {
    const headers = {};
    if (token) headers['Authorization'] = 'Bearer ' + token;
    const init = { headers, cache: 'no-store' };
    if (body !== undefined) {
      init.method = 'POST';
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(url(path, query), init);
    const data = await response.json().catch(() => ({ error: response.statusText }));
    if (!response.ok) throw new Error(path + ': ' + (data.error || response.status));
    return data;
  }

  const $ = (id) => document.getElementById(id);
  const fmt = (n) => (n === null || n === undefined) ? '–' : Number(n).toLocaleString();
  const day = (ms) => (ms === null || ms === undefined) ? '–' : new Date(ms).toISOString().slice(0, 10);

  function showError(message) {
    const banner = $('errorBanner');
    state.lastError = message;
    if (message) { banner.textContent = message; banner.classList.remove('hidden'); } else { banner.classList.add('hidden'); }
  }

  function chart(id, config) {
    if (charts[id]) charts[id].destroy();
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { labels: { color: '#e8e6e3', boxWidth: 12 } } } }, config.options || {});
    charts[id] = new Chart($(id), config);
    return charts[id];
  }

  const axis = (extra) => Object.assign({ ticks: { color: '#8B7F77' }, grid: { color: '#26304f' } }, extra || {});

  function renderConfig(config, summary) {
    const badge = $('modeBadge');
    const active = config.phase === 'active';
    badge.textContent = active ? 'Active' : 'Passive';
    badge.className = active ? 'mode-active' : 'mode-passive';
    $('configInfo').textContent = 'Budget: ' + fmt(config.tokenBudget) + ' | Baseline: ' + Math.round(config.baselineRate * 100) + '% | Min pulls: ' + config.minPulls;
    $('agentInfo').textContent = 'Agent ' + summary.agentId;
  }

  function renderCards(summary) {
    $('cardTraces').textContent = fmt(summary.traceCount);
    $('cardArms').textContent = fmt(summary.armCount);
    $('cardTokens').textContent = fmt(summary.totalTokens);
    const savings = summary.baseline.tokenSavingsPercent;
    const el = $('cardSavings');
    el.textContent = savings === null ? '–' : (savings > 0 ? '+' : '') + savings.toFixed(1) + '%';
    el.className = 'value' + (savings === null ? '' : savings > 0 ? ' positive' : ' negative');
    $('cardSavingsSub').textContent = 'vs ' + fmt(summary.baseline.baselineRuns) + ' baseline runs';
    $('cardRange').textContent = day(summary.minTimestamp) + ' – ' + day(summary.maxTimestamp);
  }

  function renderConvergence(points) {
    const byArm = new Map();
    const times = [...new Set(points.map(p => p.t))].sort((a, b) => a - b);
    for (const p of points) {
      if (!byArm.has(p.armId)) byArm.set(p.armId, new Map());
      byArm.get(p.armId).set(p.t, p.value);
    }
    let i = 0;
    const datasets = [...byArm.entries()].map(([armId, values]) => {
      const color = COLORS[i++ % COLORS.length];
      // A point is the mean at the end of a window where it changed; in between it was constant, hence stepped lines.
      return { label: armId, data: times.map(t => values.has(t) ? values.get(t) : null), borderColor: color, backgroundColor: color,
        spanGaps: true, stepped: true, pointRadius: 2, borderWidth: 1.5 };
    });
    chart('convergenceChart', { type: 'line', data: { labels: times.map(day), datasets },
      options: { scales: { x: axis(), y: axis({ min: 0, max: 1 }) } } });
  }

  function renderBaseline(summary) {
    const b = summary.baseline;
    const sec = (ms) => ms === null ? null : ms / 1000;
    chart('baselineChart', { type: 'bar', data: { labels: ['Avg Tokens', 'Avg Duration (s)'], datasets: [
      { label: 'Baseline (' + fmt(b.baselineRuns) + ' runs)', data: [b.baselineAvgTokens, sec(b.baselineAvgDuration)], backgroundColor: '#8B7F77' },
      { label: 'Selected (' + fmt(b.selectedRuns) + ' runs)', data: [b.selectedAvgTokens, sec(b.selectedAvgDuration)], backgroundColor: '#FF5A2D' }] },
      options: { scales: { x: axis(), y: axis({ beginAtZero: true }) } } });
  }

  function renderTokens(points) {
    chart('tokensChart', { type: 'line', data: { labels: points.map(p => day(p.t)), datasets: [
      { label: 'Avg Tokens/Run', data: points.map(p => p.value), borderColor: '#FF5A2D', backgroundColor: 'rgba(255,90,45,.2)', fill: true, pointRadius: 1 }] },
      options: { scales: { x: axis(), y: axis({ beginAtZero: true }) } } });
  }

  function renderDistribution(summary) {
    const b = summary.baseline.baselineRuns, s = summary.baseline.selectedRuns, total = b + s;
    chart('distributionChart', { type: 'doughnut', data: { labels: ['Baseline', 'Selected'], datasets: [
      { data: [b, s], backgroundColor: ['#8B7F77', '#FF5A2D'], borderColor: '#16213e' }] },
      options: { plugins: { legend: { labels: { color: '#e8e6e3' } }, tooltip: { callbacks: {
        label: (ctx) => ctx.label + ': ' + fmt(ctx.raw) + ' (' + (total ? (ctx.raw / total * 100).toFixed(1) : '0.0') + '%)' } } } } });
  }

  function renderHeatmap(posteriors, traces) {
    const canvas = $('heatmap');
    const arms = posteriors.slice(0, 40).map(p => p.armId);
    const runs = traces.slice(0, 50);
    const labelWidth = 180, rowHeight = 16;
    const width = canvas.clientWidth || 800;
    canvas.width = width;
    canvas.height = Math.max(40, arms.length * rowHeight + 4);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#16213e';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    let cells = 0;
    if (!arms.length || !runs.length) {
      ctx.fillStyle = '#8B7F77';
      ctx.fillText('No data yet', 8, 20);
      canvas.dataset.cells = '0';
      return;
    }
    const cellWidth = Math.max(6, Math.floor((width - labelWidth) / runs.length));
    ctx.font = '11px system-ui, sans-serif';
    arms.forEach((armId, row) => {
      const y = row * rowHeight + 2;
      ctx.fillStyle = '#e8e6e3';
      ctx.fillText(armId.length > 26 ? armId.slice(0, 26) + '…' : armId, 4, y + 11);
      runs.forEach((trace, col) => {
        const outcome = trace.arms.find(a => a.armId === armId);
        ctx.fillStyle = !outcome ? '#1a1a2e' : outcome.referenced ? '#2FBF71' : outcome.included ? '#2a4a3e' : '#4a2a3e';
        ctx.fillRect(labelWidth + col * cellWidth, y, cellWidth - 1, rowHeight - 2);
        if (outcome) cells++;
      });
    });
    canvas.dataset.cells = String(cells);
  }

  function renderHidden(summary) {
    const list = $('hiddenList');
    list.replaceChildren();
    if (!summary.hiddenArms.length) {
      const li = document.createElement('li');
      li.className = 'empty';
      li.textContent = 'Nothing: the latest run saw every MEMORY.md section.';
      list.append(li);
      return;
    }
    for (const armId of summary.hiddenArms) {
      const li = document.createElement('li');
      li.append(armLink(armId));
      list.append(li);
    }
  }

  function armLink(armId) {
    const a = document.createElement('a');
    a.className = 'arm';
    a.href = '#arm=' + encodeURIComponent(armId);
    a.textContent = armId;
    a.addEventListener('click', (e) => { e.preventDefault(); showArm(armId); });
    return a;
  }

  function badge(text, cls) {
    const span = document.createElement('span');
    span.className = 'badge ' + cls;
    span.textContent = text;
    return span;
  }

  function cell(row, content, cls) {
    const td = document.createElement('td');
    if (cls) td.className = cls;
    if (content instanceof Node) td.append(content); else td.textContent = content;
    row.append(td);
    return td;
  }

  function renderPosteriors(posteriors) {
    const body = document.querySelector('#posteriors tbody');
    body.replaceChildren();
    if (!posteriors.length) {
      const tr = document.createElement('tr');
      cell(tr, 'No arm posteriors yet.', 'empty').colSpan = 6;
      body.append(tr);
      return;
    }
    for (const p of posteriors) {
      const tr = document.createElement('tr');
      tr.dataset.arm = p.armId;
      const name = cell(tr, armLink(p.armId));
      if (p.isSeed) name.append(badge('SEED', 'seed'));
      if (p.isUnderexplored) name.append(badge('EXPLORE', 'explore'));
      if (p.hiddenByTruncation) name.append(badge('HIDDEN', 'hidden-arm'));
      cell(tr, p.mean.toFixed(3), 'num mean');
      const ci = document.createElement('span');
      ci.className = 'ci';
      const bar = document.createElement('span');
      bar.style.left = (p.credibleInterval.lower * 100) + '%';
      bar.style.width = ((p.credibleInterval.upper - p.credibleInterval.lower) * 100) + '%';
      ci.append(bar);
      const ciCell = cell(tr, ci);
      ciCell.append('[' + p.credibleInterval.lower.toFixed(2) + ', ' + p.credibleInterval.upper.toFixed(2) + ']');
      cell(tr, fmt(p.pulls), 'num pulls');
      cell(tr, p.confidence, 'conf-' + p.confidence);
      const feedback = cell(tr, '');
      for (const [label, outcome] of [['👍', 'accepted'], ['👎', 'rejected']]) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'feedback';
        button.title = outcome === 'accepted' ? 'This arm helped' : 'This arm did not help';
        button.textContent = label;
        button.addEventListener('click', () => reward(p.armId, outcome, button));
        feedback.append(button);
      }
      body.append(tr);
    }
  }

  async function reward(armId, outcome, button) {
    try {
      await call('reward', {}, { arm_id: armId, outcome, reason: 'dashboard feedback' });
      button.textContent = '✓';
      await refresh();
    } catch (e) { showError(e.message); }
  }

  async function showArm(armId) {
    try {
      const history = await call('arm', { id: armId, window: '1d' });
      $('armPanel').classList.remove('hidden');
      $('armTitle').textContent = armId;
      chart('armChart', { type: 'line', data: { labels: history.means.map(p => day(p.t)), datasets: [
        { label: 'posterior mean', data: history.means.map(p => p.value), borderColor: '#FF5A2D', stepped: true, pointRadius: 2 }] },
        options: { scales: { x: axis(), y: axis({ min: 0, max: 1 }) } } });
      const body = document.querySelector('#armRecent tbody');
      body.replaceChildren();
      for (const r of history.recent) {
        const tr = document.createElement('tr');
        cell(tr, r.traceId.slice(0, 12));
        cell(tr, new Date(r.timestamp).toISOString().replace('T', ' ').slice(0, 16));
        cell(tr, r.included ? 'yes' : 'no');
        cell(tr, r.referenced ? 'yes' : 'no');
        cell(tr, fmt(r.tokenCost), 'num');
        body.append(tr);
      }
      $('armPanel').scrollIntoView({ block: 'nearest' });
    } catch (e) { showError(e.message); }
  }

  async function resetAll() {
    const button = $('resetAll');
    if (!confirm('Reset all arm posteriors to their priors? Traces are kept; learning starts again from the prior.')) return;
    try {
      const result = await call('reset', {}, {});
      button.textContent = 'Reset ' + result.resetCount + ' arms';
      setTimeout(() => { button.textContent = 'Reset All Arms'; }, 2000);
      await refresh();
    } catch (e) { showError(e.message); }
  }

  async function refresh() {
    try {
      const [summary, config, posteriors, tokens, convergence, traces] = await Promise.all([
        call('summary'), call('config'), call('posteriors'),
        call('timeseries', { metric: 'tokens', window: '1d' }),
        call('timeseries', { metric: 'convergence', window: '1d', arms: '8' }),
        call('traces', { limit: '50' })]);
      renderConfig(config, summary);
      renderCards(summary);
      renderConvergence(convergence.buckets);
      renderBaseline(summary);
      renderTokens(tokens.buckets);
      renderDistribution(summary);
      renderHeatmap(posteriors, traces.traces);
      renderHidden(summary);
      renderPosteriors(posteriors);
      state.posteriors = posteriors;
      state.refreshes++;
      state.loaded = true;
      $('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
      showError(null);
    } catch (e) {
      showError('Could not load learning data: ' + e.message);
    }
  }

  $('resetAll').addEventListener('click', resetAll);
  $('armClose').addEventListener('click', () => $('armPanel').classList.add('hidden'));
  refresh().then(() => {
    const m = /^#arm=(.+)$/.exec(location.hash);
    if (m) showArm(decodeURIComponent(m[1]));
  });
  setInterval(refresh, 30000);
})();
