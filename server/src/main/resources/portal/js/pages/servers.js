// Game servers with their live status (polled), charts of one server over time, and registering a
// new one.

import * as api from '../api.js';
import { chart, rangePicker } from '../chart.js';
import { badge, field, h, input, onSubmit, select, show, statusLine, table, when } from '../dom.js';

const POLL_MS = 5000;

export async function render({ body, account, me }) {
  const base = `/accounts/${api.seg(account)}`;
  const holder = h('div', { 'aria-busy': 'true' });
  const charts = h('div', { class: 'charts', 'aria-live': 'off' });
  const chartLine = statusLine();
  const picked = { server: null, range: 'hour' };
  const serverSelect = select('chart-server', [], { 'aria-label': 'Server to chart' });
  serverSelect.addEventListener('change', () => {
    picked.server = serverSelect.value;
    drawCharts();
  });
  const chartSection = h(
    'section',
    { 'aria-labelledby': 'chart-h', hidden: true },
    h('h2', { id: 'chart-h' }, 'Over time'),
    h('div', { class: 'inline controls' }, serverSelect, rangePicker('Time range', picked.range, (range) => {
      picked.range = range;
      drawCharts();
    })),
    chartLine,
    charts,
  );
  const sections = [h('section', { 'aria-labelledby': 'srv-h' }, h('h2', { id: 'srv-h' }, 'Status'), holder), chartSection];

  if (me.kind !== 'app') {
    const form = h(
      'form',
      { class: 'inline-form' },
      field('Server id', input('id', { required: true, pattern: '[A-Za-z0-9_-]{1,64}', autocomplete: 'off' }), 'Letters, digits, - and _; used in subjects and credentials.'),
      field('Display name', input('name', { autocomplete: 'off' })),
      h('button', { type: 'submit' }, 'Register server'),
    );
    const line = statusLine();
    onSubmit(form, line, async (data) => {
      const server = { id: data.get('id') };
      if (data.get('name')) server.name = data.get('name');
      await api.post(`${base}/servers`, server);
      show(line, `Server ${server.id} registered. Create a game_server user for it on the Users page.`);
      form.reset();
      refresh();
    });
    sections.push(h('section', { 'aria-labelledby': 'reg-h' }, h('h2', { id: 'reg-h' }, 'Register a server'), form, line));
  }
  body.replaceChildren(...sections);

  async function refresh() {
    try {
      const servers = await api.all(`${base}/servers`);
      const statuses = await Promise.all(
        servers.map((server) => api.get(`${base}/servers/${api.seg(server.id)}/status`).catch(() => null)),
      );
      const rows = servers.map((server, i) => {
        const status = statuses[i];
        return [
          h('strong', {}, server.id),
          server.name || '',
          status ? badge(status.state) : '—',
          status ? `${status.current_players}${status.max_players ? ` / ${status.max_players}` : ''}` : '—',
          status?.map || '—',
          status?.last_event_type ? `${status.last_event_type}, ${when(status.last_event_at)}` : 'none yet',
        ];
      });
      holder.replaceChildren(
        table('Game servers and their status', ['Server', 'Name', 'State', 'Players', 'Map', 'Last event'], rows, 'No server registered yet.'),
      );
      holder.setAttribute('aria-busy', 'false');
      pickable(servers.map((server) => server.id));
      await drawCharts();
    } catch (error) {
      holder.replaceChildren(h('p', { class: 'status error' }, error.message));
    }
  }
  // The servers to chart follow the list; the one picked stays picked while it exists.
  function pickable(ids) {
    const known = [...serverSelect.options].map((option) => option.value);
    if (known.join('\n') !== ids.join('\n')) {
      serverSelect.replaceChildren(...ids.map((id) => h('option', { value: id }, id)));
    }
    if (!ids.includes(picked.server)) picked.server = ids[0] || null;
    serverSelect.value = picked.server || '';
    chartSection.hidden = ids.length === 0;
  }

  async function drawCharts() {
    if (!picked.server) return;
    const { server, range } = picked;
    try {
      const series = await api.get(`${base}/servers/${api.seg(server)}/timeseries?range=${range}`);
      if (server !== picked.server || range !== picked.range) return; // picked another meanwhile
      const width = charts.clientWidth || 600;
      const per = { hour: 'minute', day: '5 minutes', week: 'hour' }[range];
      charts.replaceChildren(
        chart({
          title: `Players online on ${server}`,
          points: series.points,
          range,
          width,
          lines: [
            { key: 'peak_players', label: 'Peak', css: 'peak' },
            { key: 'players_online', label: 'Online', css: 'online' },
          ],
        }),
        chart({
          title: `Events per ${per} on ${server}`,
          points: series.points,
          range,
          width,
          bars: { key: 'events', label: 'Events', css: 'events', total: true },
        }),
      );
      show(chartLine, '');
    } catch (error) {
      show(chartLine, error);
    }
  }

  await refresh();
  const timer = setInterval(refresh, POLL_MS);
  return () => clearInterval(timer);
}
