// The portal's shell: sign-in, who the token is, navigation and hash routing (#/servers).
// Each page is a module exporting {title, render(context)}; render may answer a cleanup function
// (to stop a live stream or polling when the user leaves the page).

import * as api from './api.js';
import { h } from './dom.js';
import { pagesFor } from './pages/index.js';
import { pickAccount, pickedAccount } from './session.js';

const $ = (id) => document.getElementById(id);

let me = null;
let cleanup = null;
// Counts navigations: a page that finishes rendering after the user has moved on is stopped at
// once instead of leaving its stream or polling running behind the new page.
let generation = 0;

const currentAccount = () => me?.account ?? pickedAccount();

function signOut(message) {
  api.setToken(null);
  pickAccount(null);
  me = null;
  stopPage();
  $('page').hidden = true;
  $('page').replaceChildren();
  $('nav').hidden = true;
  $('signout').hidden = true;
  $('who').textContent = '';
  $('signin-page').hidden = false;
  const status = $('signin-status');
  status.textContent = message || '';
  status.classList.toggle('error', Boolean(message));
  $('token').value = '';
  $('token').focus();
}

api.whenUnauthorized(() => {
  if (me) signOut('You were signed out: your token was revoked or expired. Sign in with a valid token.');
});

async function signIn(token) {
  api.setToken(token);
  try {
    me = await api.get('/whoami');
  } catch (error) {
    api.setToken(null);
    me = null;
    const status = $('signin-status');
    status.textContent =
      error.status === 401 ? 'This token is unknown, revoked or expired.' : error.message;
    status.classList.add('error');
    return;
  }
  $('signin-page').hidden = true;
  $('page').hidden = false;
  $('signout').hidden = false;
  $('who').textContent =
    me.kind === 'operator' ? 'Operator' : `${me.user} (${me.kind.replace('_', ' ')}) · ${me.account}`;
  renderNav();
  if (!location.hash || location.hash === '#' || !pageFor(location.hash)) {
    location.hash = `#/${pagesFor(me, currentAccount())[0].path}`;
  }
  route();
}

function renderNav() {
  const nav = $('nav');
  const current = routeName();
  const items = pagesFor(me, currentAccount()).map((page) =>
    h('li', {}, h('a', { href: `#/${page.path}`, 'aria-current': page.path === current ? 'page' : null }, page.title)),
  );
  const account = currentAccount();
  const heading = account ? h('p', { class: 'nav-account' }, 'Account ', h('strong', {}, account)) : null;
  nav.replaceChildren(...[heading, h('ul', {}, ...items)].filter(Boolean));
  nav.hidden = false;
}

function routeName() {
  return (location.hash.replace(/^#\/?/, '').split('/')[0] || '').split('?')[0];
}

function pageFor(hash) {
  const name = hash.replace(/^#\/?/, '').split('/')[0];
  return pagesFor(me, currentAccount()).find((page) => page.path === name);
}

function stopPage() {
  generation++;
  if (typeof cleanup === 'function') {
    try {
      cleanup();
    } catch {
      // a page failing to clean up must not break navigation
    }
  }
  cleanup = null;
}

async function route() {
  if (!me) return;
  stopPage();
  const page = pageFor(location.hash) || pagesFor(me, currentAccount())[0];
  const args = location.hash.replace(/^#\/?/, '').split('/').slice(1).map(decodeURIComponent);
  renderNav();
  const container = $('page');
  const title = h('h1', { tabindex: '-1' }, page.title);
  const body = h('div', { class: 'page-body' });
  container.replaceChildren(title, body);
  document.title = `${page.title} · GamingAPI portal`;
  title.focus();
  const current = ++generation;
  try {
    const stop = await page.module.render({ body, me, account: currentAccount(), args });
    if (current === generation) {
      cleanup = stop;
    } else if (typeof stop === 'function') {
      stop();
    }
  } catch (error) {
    body.replaceChildren(h('p', { class: 'status error', role: 'alert' }, error.message));
  }
}

window.addEventListener('hashchange', route);
// The skip link must not go through the hash: that is the router's.
document.querySelector('.skip').addEventListener('click', (event) => {
  event.preventDefault();
  $('main').focus();
});
$('signin').addEventListener('submit', (event) => {
  event.preventDefault();
  const token = $('token').value.trim();
  if (token) signIn(token);
});
$('signout').addEventListener('click', () => signOut('Signed out.'));

if (api.token()) {
  signIn(api.token());
} else {
  $('signin-page').hidden = false;
}
