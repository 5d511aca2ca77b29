// Game servers with their live status (polled), and registering a new one.

import * as api from '../api.js';
import { badge, field, h, input, onSubmit, show, statusLine, table, when } from '../dom.js';

const POLL_MS = 5000;

export async function render({ body, account, me }) {
  const base = `/accounts/${api.seg(account)}`;
  const holder = h('div', { 'aria-busy': 'true' });
  const sections = [h('section', { 'aria-labelledby': 'srv-h' }, h('h2', { id: 'srv-h' }, 'Status'), holder)];

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
    } catch (error) {
      holder.replaceChildren(h('p', { class: 'status error' }, error.message));
    }
  }
  await refresh();
  const timer = setInterval(refresh, POLL_MS);
  return () => clearInterval(timer);
}
