// The commands console: send a command to a game server and watch its status change to the
// result; the server's recent commands below.

import * as api from '../api.js';
import { badge, field, h, input, onSubmit, select, show, statusLine, table, when } from '../dom.js';

const POLL_MS = 1000;
const FINAL = new Set(['succeeded', 'failed', 'expired']);

export async function render({ body, account }) {
  const base = `/accounts/${api.seg(account)}/servers`;
  const servers = (await api.all(base)).map((server) => server.id);
  const line = statusLine();
  const result = h('div', { id: 'command-result' });
  const history = h('div');
  const serverSelect = select('server', servers.length ? servers : [['', 'register a server first']]);
  const args = h('textarea', { name: 'args', rows: 4, spellcheck: 'false' }, '{}');
  const form = h(
    'form',
    { class: 'stack-form' },
    field('Server', serverSelect),
    field('Command', input('name', { required: true, pattern: '[a-z0-9_]{1,64}', autocomplete: 'off' }), 'a-z, 0-9 and _, e.g. kick or broadcast'),
    field('Arguments (JSON object)', args),
    field('Expire after (seconds, optional)', input('ttl', { type: 'number', min: 1, inputmode: 'numeric' })),
    h('button', { type: 'submit' }, 'Send command'),
  );
  let timers = [];

  async function loadHistory() {
    if (!serverSelect.value) return;
    const page = await api.get(`${base}/${api.seg(serverSelect.value)}/commands?limit=20`);
    history.replaceChildren(
      table(`Recent commands to ${serverSelect.value}`, ['Sent', 'Command', 'Status', 'Result'], page.items.map((command) => [
        when(command.created_at), command.name, badge(command.status), outcome(command),
      ]), 'No command sent to this server yet.'),
    );
  }

  onSubmit(form, line, async (data) => {
    let parsed;
    try {
      parsed = JSON.parse(data.get('args') || '{}');
    } catch (error) {
      throw new Error(`Arguments are not valid JSON: ${error.message}`);
    }
    const command = { name: data.get('name').trim(), args: parsed };
    if (data.get('ttl')) command.ttl_seconds = Number(data.get('ttl'));
    const server = data.get('server');
    const sent = await api.post(`${base}/${api.seg(server)}/commands`, command);
    show(line, `Sent ${command.name} to ${server}.`);
    watch(server, sent);
  });

  function watch(server, command) {
    const status = h('span', { id: 'command-status', role: 'status', 'aria-live': 'polite' }, badge(command.status));
    const detail = h('p', { class: 'command-outcome' }, outcome(command));
    result.replaceChildren(
      h('section', { 'aria-labelledby': 'cmd-h', class: 'card' }, h('h2', { id: 'cmd-h' }, `${command.name} → ${server}`),
        h('p', {}, 'Status: ', status), detail, h('p', { class: 'hint' }, `Command id ${command.id}`)),
    );
    const timer = setInterval(async () => {
      try {
        const now = await api.get(`${base}/${api.seg(server)}/commands/${api.seg(command.id)}`);
        status.replaceChildren(badge(now.status));
        detail.textContent = outcome(now);
        if (FINAL.has(now.status)) {
          clearInterval(timer);
          loadHistory().catch(() => {});
        }
      } catch (error) {
        clearInterval(timer);
        show(line, error);
      }
    }, POLL_MS);
    timers.push(timer);
  }

  serverSelect.addEventListener('change', () => loadHistory().catch((error) => show(line, error)));
  body.replaceChildren(
    h('section', { 'aria-labelledby': 'send-h' }, h('h2', { id: 'send-h' }, 'Send a command'), form, line),
    result,
    h('section', { 'aria-labelledby': 'hist-h' }, h('h2', { id: 'hist-h' }, 'History'), history),
  );
  await loadHistory();
  return () => timers.forEach(clearInterval);
}

function outcome(command) {
  if (command.status === 'succeeded') return command.output === null ? 'done' : JSON.stringify(command.output);
  if (command.status === 'failed') return `${command.error || 'failed'}${command.attempts ? ` after ${command.attempts} attempt(s)` : ''}`;
  if (command.status === 'expired') return 'expired before the server took it';
  if (command.status === 'queued') return 'waiting for the server to take it';
  return 'the server is running it';
}
