// Which pages exist and who sees them. The API enforces every right anyway; this only keeps the
// navigation to what the token can use.

import * as accounts from './accounts.js';
import * as apps from './apps.js';
import * as audit from './audit.js';
import * as clients from './clients.js';
import * as commands from './commands.js';
import * as events from './events.js';
import * as leaderboards from './leaderboards.js';
import * as notifications from './notifications.js';
import * as overview from './overview.js';
import * as players from './players.js';
import * as servers from './servers.js';
import * as shares from './shares.js';
import * as users from './users.js';

const owner = (me, account) => Boolean(account) && (me.kind === 'owner' || me.kind === 'operator');
const reader = (me, account) => owner(me, account) || me.kind === 'app';

export const pages = [
  { path: 'accounts', title: 'Accounts and plans', module: accounts, shows: (me) => me.kind === 'operator' },
  { path: 'apps-registered', title: 'Third-party apps', module: clients, shows: (me) => me.kind === 'operator' },
  { path: 'overview', title: 'Overview', module: overview, shows: reader },
  { path: 'servers', title: 'Servers', module: servers, shows: reader },
  { path: 'users', title: 'Users', module: users, shows: owner },
  { path: 'sharing', title: 'Sharing', module: shares, shows: owner },
  { path: 'apps', title: 'Authorized apps', module: apps, shows: owner },
  { path: 'events', title: 'Live events', module: events, shows: (me, account) => Boolean(account) },
  { path: 'leaderboards', title: 'Leaderboards', module: leaderboards, shows: reader },
  { path: 'players', title: 'Players', module: players, shows: reader },
  {
    path: 'commands',
    title: 'Commands',
    module: commands,
    shows: (me, account) => owner(me, account) || (me.kind === 'app' && me.may_send_commands),
  },
  { path: 'notifications', title: 'Notifications', module: notifications, shows: owner },
  { path: 'audit', title: 'Audit log', module: audit, shows: owner },
];

/** The pages `me` may use while working on `account`. */
export const pagesFor = (me, account) => pages.filter((page) => page.shows(me, account));
