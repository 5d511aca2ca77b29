// The live event viewer: stored events from a chosen time, then live ones, filtered by server,
// player and type. Pausing closes the stream; resuming reopens it after the last event shown, so
// nothing is missed. A dropped connection is resumed the same way (sse.js).

import * as api from '../api.js';
import { field, h, input, select, when } from '../dom.js';
import { follow } from '../sse.js';

const MAX_ROWS = 500;
const TYPES = [
  'player.connected', 'player.disconnected', 'player.killed', 'player.died', 'player.scored',
  'player.chatted', 'player.respawned', 'player.banned', 'player.unbanned', 'player.reported',
  'match.started', 'match.ended', 'server.started', 'server.stopped', 'server.heartbeat',
  'server.wiped', 'command.succeeded', 'command.failed', 'command.expired',
];
const FROM = [
  ['15', 'the last 15 minutes'],
  ['60', 'the last hour'],
  ['1440', 'the last 24 hours'],
  ['start', 'the start of the log'],
  ['now', 'now (new events only)'],
];

export async function render({ body, account, me }) {
  const base = `/accounts/${api.seg(account)}`;
  const servers = await serverChoices(base, me);
  const serverSelect = select('server', servers);
  const form = h(
    'form',
    { class: 'inline-form filters' },
    field('Server', serverSelect),
    field('Player id', input('player', { autocomplete: 'off', pattern: '[A-Za-z0-9_-]{1,64}' })),
    field('Type', input('type', { list: 'event-types', autocomplete: 'off' })),
    h('datalist', { id: 'event-types' }, ...TYPES.map((type) => h('option', { value: type }))),
    field('Show events from', select('from', FROM)),
    h('button', { type: 'submit' }, 'Apply filters'),
  );
  const pause = h('button', { type: 'button', class: 'secondary', 'aria-pressed': 'false', id: 'pause' }, 'Pause');
  const clear = h('button', { type: 'button', class: 'secondary' }, 'Clear');
  const state = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', id: 'stream-state' }, 'Connecting…');
  const count = h('span', { class: 'count' });
  const rows = h('tbody', { id: 'event-rows' });
  const tableNode = h(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Events, newest first' },
    h(
      'table',
      { class: 'events' },
      h('caption', {}, 'Events, newest first'),
      h('thead', {}, h('tr', {}, ...['#', 'Time', 'Server', 'Type', 'Player', 'Data'].map((text) => h('th', { scope: 'col' }, text)))),
      rows,
    ),
  );
  body.replaceChildren(form, h('div', { class: 'inline controls' }, pause, clear, state, count), tableNode);

  let stream = null;
  let lastId = null;
  let paused = false;
  let shown = 0;

  function url() {
    const data = new FormData(form);
    const params = new URLSearchParams();
    for (const name of ['server', 'player', 'type']) {
      if (data.get(name)) params.set(name, data.get(name).trim());
    }
    const from = data.get('from');
    if (from === 'now') params.set('since', new Date().toISOString());
    else if (from !== 'start') params.set('since', new Date(Date.now() - Number(from) * 60000).toISOString());
    return `/api/v1${base}/events/stream?${params}`;
  }

  function add(event) {
    const row = h(
      'tr',
      { 'data-sequence': event.sequence },
      h('td', {}, String(event.sequence)),
      h('td', {}, when(event.time)),
      h('td', {}, event.server),
      h('td', {}, event.type),
      h('td', {}, event.player || ''),
      h('td', { class: 'data' }, event.data === null ? '' : JSON.stringify(event.data)),
    );
    rows.prepend(row);
    while (rows.children.length > MAX_ROWS) rows.lastElementChild.remove();
    shown++;
    count.textContent = `${shown} event(s) received`;
  }

  // Fixed when the filters are applied: a resume repeats it with the last id, so that "since"
  // is not recomputed (which would skip what came while paused).
  let currentUrl = url();

  function start(after) {
    stream?.close();
    stream = follow(currentUrl, {
      lastId: after,
      onEvent: (event, id) => {
        lastId = id;
        add(event);
      },
      onState: (text) => {
        const words = { live: 'Live: new events appear at the top.', reconnecting: 'Connection lost; reconnecting without losing events…', closed: 'Stopped.' };
        state.textContent = words[text] || text;
        state.classList.toggle('error', text !== 'live');
      },
      onError: (error) => {
        state.textContent = error.message;
        state.classList.add('error');
      },
    });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    rows.replaceChildren();
    shown = 0;
    count.textContent = '';
    lastId = null;
    paused = false;
    pause.textContent = 'Pause';
    pause.setAttribute('aria-pressed', 'false');
    currentUrl = url();
    start(null);
  });
  pause.addEventListener('click', () => {
    paused = !paused;
    pause.textContent = paused ? 'Resume' : 'Pause';
    pause.setAttribute('aria-pressed', String(paused));
    if (paused) {
      stream?.close();
      stream = null;
      state.textContent = `Paused after event ${lastId ?? '(none yet)'}; Resume continues from there.`;
      state.classList.remove('error');
    } else {
      start(lastId);
    }
  });
  clear.addEventListener('click', () => {
    rows.replaceChildren();
    shown = 0;
    count.textContent = '';
  });
  start(null);
  return () => stream?.close();
}

async function serverChoices(base, me) {
  if (me.kind === 'game_server') return [[me.server, me.server]];
  let ids;
  try {
    ids = (await api.all(`${base}/servers`)).map((server) => server.id);
  } catch {
    ids = [];
  }
  if (me.kind === 'app' && me.servers.length) ids = ids.filter((id) => me.servers.includes(id));
  return [['', 'all servers'], ...ids.map((id) => [id, id])];
}
