// Players: search by name, and one player's profile (#/players/{id}).

import * as api from '../api.js';
import { chartSection } from '../chart.js';
import { field, h, input, onSubmit, show, statusLine, table, when } from '../dom.js';

export async function render({ body, account, args }) {
  const base = `/accounts/${api.seg(account)}/players`;
  const line = statusLine();
  const results = h('div');
  const form = h(
    'form',
    { class: 'inline-form' },
    field('Name starts with', input('name', { required: true, autocomplete: 'off' })),
    h('button', { type: 'submit' }, 'Search'),
  );
  onSubmit(form, line, async (data) => {
    const page = await api.get(`${base}?name=${encodeURIComponent(data.get('name').trim())}&limit=50`);
    results.replaceChildren(
      table('Players found', ['Player', 'Name', 'Last seen'], page.items.map((player) => [
        h('a', { href: `#/players/${encodeURIComponent(player.player)}` }, player.player),
        player.name || '',
        when(player.last_seen),
      ]), 'No player with such a name.'),
    );
    show(line, '');
  });
  const byId = h(
    'form',
    { class: 'inline-form' },
    field('Player id', input('id', { required: true, autocomplete: 'off', value: args[0] || '' })),
    h('button', { type: 'submit' }, 'Show profile'),
  );
  onSubmit(byId, line, async (data) => {
    location.hash = `#/players/${encodeURIComponent(data.get('id').trim())}`;
  });
  const profile = h('div');
  body.replaceChildren(
    h('section', { 'aria-labelledby': 'pl-find' }, h('h2', { id: 'pl-find' }, 'Find a player'), form, byId, line, results),
    profile,
  );
  if (args[0]) {
    try {
      profile.replaceChildren(profileOf(await api.get(`${base}/${api.seg(args[0])}`)), activityOf(base, args[0]));
    } catch (error) {
      show(line, error);
    }
  }
}

function profileOf(player) {
  const hours = (player.play_time_seconds / 3600).toFixed(1);
  const facts = [
    ['Name', player.name || '—'],
    ['First seen', when(player.first_seen)],
    ['Last seen', when(player.last_seen)],
    ['Online on', player.online_on.length ? player.online_on.join(', ') : 'offline'],
    ['Sessions', player.sessions],
    ['Play time', `${hours} h`],
    ['Kills / deaths', `${player.kills} / ${player.deaths} (K/D ${player.kd.toFixed(2)})`],
    ['Chat messages', player.chat_messages],
  ];
  return h(
    'section',
    { 'aria-labelledby': 'pl-h' },
    h('h2', { id: 'pl-h' }, `Player ${player.player}`),
    h('dl', { class: 'facts' }, ...facts.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, String(value))])),
    table('Stats', ['Stat', 'Value'], Object.entries(player.stats).map(([stat, value]) => [stat, String(value)]), 'No scored stats.'),
    table('Names used', ['Name', 'First seen', 'Last seen'], player.names.map((seen) => [seen.value, when(seen.first_seen), when(seen.last_seen)])),
    table('Servers played on', ['Server', 'First seen', 'Last seen'], player.servers.map((seen) => [seen.value, when(seen.first_seen), when(seen.last_seen)])),
  );
}

// The player's events over time, with a range switcher.
function activityOf(base, player) {
  return chartSection('Activity', 'pl-act', async (range) => ({
    title: `Events of ${player} per ${range === 'week' ? 'hour' : '10 minutes'}`,
    points: (await api.get(`${base}/${api.seg(player)}/activity?range=${range}`)).points,
    bars: { key: 'events', label: 'Events', css: 'events', total: true },
  }));
}
