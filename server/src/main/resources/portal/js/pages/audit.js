// The audit log: who changed what, newest first, a page at a time.

import * as api from '../api.js';
import { h, table, when } from '../dom.js';

export async function render({ body, account }) {
  const path = `/accounts/${api.seg(account)}/audit?limit=50`;
  const rows = [];
  const holder = h('div');
  const more = h('button', { type: 'button', class: 'secondary' }, 'Load older entries');
  let cursor = null;

  async function load() {
    const page = await api.get(cursor ? `${path}&cursor=${encodeURIComponent(cursor)}` : path);
    for (const entry of page.items) {
      rows.push([
        when(entry.at),
        entry.actor,
        entry.action,
        entry.target || '',
        Object.entries(entry.detail || {})
          .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : value}`)
          .join(', '),
        entry.remote_address || '',
      ]);
    }
    cursor = page.next_cursor;
    holder.replaceChildren(table('Audit log, newest first', ['When', 'Who', 'Action', 'Target', 'Detail', 'From'], rows, 'Nothing recorded yet.'));
    more.hidden = !cursor;
  }
  more.addEventListener('click', () => load().catch((error) => holder.append(h('p', { class: 'status error' }, error.message))));
  body.replaceChildren(holder, more);
  await load();
}
