// Leaderboards: the account's boards, define one, open it, browse its periods, find a player and
// those around him, delete one.

import * as api from '../api.js';
import { field, h, input, onSubmit, select, show, statusLine, table } from '../dom.js';

export async function render({ body, account, me, args }) {
  const base = `/accounts/${api.seg(account)}/leaderboards`;
  const view = h('div');
  const line = statusLine();
  const owner = me.kind !== 'app';
  const boards = (await api.get(base)).items;

  const listing = table(
    'Leaderboards',
    ['Name', 'Statistic', 'Servers', 'Reset', ''],
    boards.map((board) => [
      h('a', { href: `#/leaderboards/${encodeURIComponent(board.name)}`, 'aria-current': board.name === args[0] ? 'page' : null }, board.name),
      `${board.stat} (${board.operator}, ${board.order === 'desc' ? 'highest first' : 'lowest first'})`,
      board.server || 'all',
      board.reset === 'cron' ? `cron ${board.cron} (${board.time_zone})` : `${board.reset} (${board.time_zone})`,
      owner ? deleteButton(base, board.name, line) : '',
    ]),
    'No leaderboard yet: define one below.',
  );

  const sections = [
    h('section', { 'aria-labelledby': 'lb-all' }, h('h2', { id: 'lb-all' }, 'All leaderboards'), listing, line),
    view,
  ];
  if (owner) sections.push(defineSection(base));
  body.replaceChildren(...sections);
  if (args[0]) await showBoard(view, base, args[0]);
}

function deleteButton(base, name, line) {
  const button = h('button', { type: 'button', class: 'danger', 'aria-label': `Delete the leaderboard ${name}` }, 'Delete');
  button.addEventListener('click', async () => {
    if (!confirm(`Delete the leaderboard ${name} and its standings?`)) return;
    try {
      await api.del(`${base}/${api.seg(name)}`);
      location.hash = '#/leaderboards';
      show(line, `Leaderboard ${name} deleted.`);
    } catch (error) {
      show(line, error);
    }
  });
  return button;
}

async function showBoard(view, base, name) {
  const board = await api.get(`${base}/${api.seg(name)}`);
  const path = `${base}/${api.seg(name)}`;
  const { periods } = await api.get(`${path}/periods`);
  const period = select('period', periods.length ? periods : [board.reset === 'none' ? 'all' : '']);
  const standings = h('div');
  const around = h('div');
  const findLine = statusLine();

  async function load() {
    const entries = await api.get(`${path}/entries?limit=50&period=${encodeURIComponent(period.value)}`);
    standings.replaceChildren(
      table(`${name}, period ${entries.period}`, ['Rank', 'Player', 'Score'], entries.items.map((entry) => [
        String(entry.rank), h('a', { href: `#/players/${encodeURIComponent(entry.player)}` }, entry.player), String(entry.score),
      ]), 'No one is ranked in this period yet.'),
    );
  }
  period.addEventListener('change', () => load().catch((error) => show(findLine, error)));

  const find = h(
    'form',
    { class: 'inline-form' },
    field('Player id', input('player', { required: true, autocomplete: 'off' })),
    h('button', { type: 'submit' }, 'Find player'),
  );
  onSubmit(find, findLine, async (data) => {
    const player = data.get('player').trim();
    const result = await api.get(`${path}/players/${api.seg(player)}/around?n=5&period=${encodeURIComponent(period.value)}`);
    around.replaceChildren(
      table(`Around ${player}`, ['Rank', 'Player', 'Score'], result.items.map((entry) => [
        String(entry.rank),
        entry.player === player ? h('strong', { 'aria-current': 'true' }, `${entry.player} (found)`) : entry.player,
        String(entry.score),
      ]), `${player} is not ranked in this period.`),
    );
    show(findLine, '');
  });

  view.replaceChildren(
    h(
      'section',
      { 'aria-labelledby': 'lb-view' },
      h('h2', { id: 'lb-view' }, `Leaderboard ${name}`),
      h('p', {}, `${board.stat} (${board.operator}, ${board.order === 'desc' ? 'highest first' : 'lowest first'}), ${board.server ? `server ${board.server}` : 'all servers'}, reset ${board.reset === 'cron' ? `on cron ${board.cron}` : board.reset} (${board.time_zone}).`),
      h('div', { class: 'narrow-field' }, field('Period', period)),
      standings,
      h('h3', {}, 'Find a player'),
      find,
      findLine,
      around,
    ),
  );
  await load();
}

function defineSection(base) {
  const line = statusLine();
  const form = h(
    'form',
    { class: 'stack-form' },
    field('Name', input('name', { required: true, pattern: '[a-z0-9][a-z0-9_-]{0,62}', autocomplete: 'off' })),
    field('Statistic', input('stat', { required: true, value: 'kills', list: 'stats', autocomplete: 'off' }), 'kills, deaths, play_time or scored.<stat>'),
    h('datalist', { id: 'stats' }, ...['kills', 'deaths', 'play_time', 'scored.points'].map((stat) => h('option', { value: stat }))),
    field('Combine values by', select('operator', ['incr', 'decr', 'best', 'set'])),
    field('Order', select('order', [['desc', 'highest first'], ['asc', 'lowest first']])),
    field('Server (optional)', input('server', { autocomplete: 'off' }), 'Empty: every server of the account.'),
    field('Reset', select('reset', ['none', 'daily', 'weekly', 'monthly', ['cron', 'on a cron schedule']])),
    field('Cron schedule (with a cron reset)', input('cron', { autocomplete: 'off', placeholder: '0 18 * * 5' }), 'minute hour day-of-month month day-of-week, e.g. 0 18 * * 5 for Fridays at 18:00'),
    field('Time zone', input('time_zone', { value: 'UTC', autocomplete: 'off' })),
    h('button', { type: 'submit' }, 'Define leaderboard'),
  );
  onSubmit(form, line, async (data) => {
    const name = data.get('name').trim();
    const definition = {
      stat: data.get('stat').trim(),
      operator: data.get('operator'),
      order: data.get('order'),
      reset: data.get('reset'),
      time_zone: data.get('time_zone').trim() || 'UTC',
    };
    if (data.get('server').trim()) definition.server = data.get('server').trim();
    if (definition.reset === 'cron') definition.cron = data.get('cron').trim();
    await api.put(`${base}/${api.seg(name)}`, definition);
    show(line, `Leaderboard ${name} defined; past events are being counted.`);
    location.hash = `#/leaderboards/${encodeURIComponent(name)}`;
  });
  return h('section', { 'aria-labelledby': 'lb-def' }, h('h2', { id: 'lb-def' }, 'Define a leaderboard'), form, line);
}
