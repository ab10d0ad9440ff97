// Friends: READY's relationships kept live by RELATIONSHIP_ADD/REMOVE; tabs online/all/pending/blocked.
import { del, post, put } from './api.js';
import { fill, h } from './dom.js';

const FRIEND = 1, BLOCKED = 2, INCOMING = 3, OUTGOING = 4;
const TABS = [['online', 'Online'], ['all', 'All'], ['pending', 'Pending'], ['blocked', 'Blocked']];

export class FriendsView {
  constructor(social) {
    this.social = social;
    this.relationships = new Map();
    this.tab = 'online';
    this.el = h('section', { class: 'friends-view', 'aria-label': 'Friends' });
    this.form = this.addForm(); // kept across re-renders, so what one types and the last result stay
  }

  get chat() {
    return this.social.chat;
  }

  load(list) {
    this.relationships = new Map(list.map(r => [r.id, r]));
    this.refresh();
  }

  list(type) {
    return [...this.relationships.values()].filter(r => r.type === type);
  }

  onDispatch(t, d) {
    if (t === 'RELATIONSHIP_ADD') this.relationships.set(d.id, d);
    else if (t === 'RELATIONSHIP_REMOVE') this.relationships.delete(d.id);
    else if (t === 'PRESENCE_UPDATE' && !this.relationships.has(d.user?.id)) return;
    this.refresh();
  }

  pendingBadge() {
    const incoming = this.list(INCOMING).length;
    return incoming ? h('span', { class: 'badge', 'aria-label': incoming + ' pending' }, String(incoming)) : null;
  }

  refresh() {
    if (this.el.isConnected) this.render();
  }

  render() {
    const status = id => this.chat.presences.get(id) || 'offline';
    const shown = {
      online: this.list(FRIEND).filter(r => status(r.id) !== 'offline'),
      all: this.list(FRIEND),
      pending: [...this.list(INCOMING), ...this.list(OUTGOING)],
      blocked: this.list(BLOCKED),
    }[this.tab];
    const name = r => r.user?.global_name || r.user?.username || r.id;
    fill(this.el,
      h('header', { class: 'channel-header friends-header' }, h('h2', {}, '👥 Friends'),
        h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Friends lists' }, TABS.map(([key, label]) => h('button', {
          type: 'button', role: 'tab', class: 'tab' + (this.tab === key ? ' active' : ''),
          'aria-selected': this.tab === key ? 'true' : 'false',
          onclick: () => { this.tab = key; this.render(); },
        }, label, key === 'pending' ? this.pendingBadge() : null)))),
      this.form,
      h('ul', { class: 'friend-list', 'aria-label': TABS.find(([k]) => k === this.tab)[1] + ' friends' },
        shown.length ? shown.sort((a, b) => name(a).localeCompare(name(b))).map(r => h('li', { class: 'friend', 'data-user': r.id },
          h('span', { class: 'presence ' + status(r.id), 'aria-label': status(r.id), role: 'img' }),
          h('span', { class: 'friend-name' }, name(r)),
          h('span', { class: 'muted friend-kind' }, describe(r.type, status(r.id))),
          h('span', { class: 'friend-actions' }, this.actions(r, name(r)))))
          : h('li', { class: 'muted empty-list' }, 'Nobody here yet.')));
    return this.el;
  }

  addForm() {
    const input = h('input', { type: 'text', placeholder: 'Username', 'aria-label': 'Username to add', maxlength: 32, required: true });
    const result = h('div', { class: 'form-note', role: 'status' });
    return h('form', { class: 'add-friend', 'aria-label': 'Add friend', onsubmit: async e => {
      e.preventDefault();
      const username = input.value.trim();
      if (!username) return;
      try {
        await post('/users/@me/relationships', { username });
        result.className = 'form-note ok';
        result.textContent = 'Friend request sent to ' + username + '.';
        input.value = '';
      } catch (err) {
        result.className = 'form-note form-error';
        result.textContent = err.fieldError?.('username') || err.message;
      }
    } }, h('div', { class: 'compose-row' }, input,
      h('button', { type: 'submit', class: 'primary', 'aria-label': 'Send friend request' }, 'Add friend')), result);
  }

  actions(r, name) {
    const button = (label, aria, run, cls) => h('button', { type: 'button', class: 'small' + (cls ? ' ' + cls : ''),
      'aria-label': aria + ' ' + name, onclick: () => run().catch(e => this.chat.showBanner(e.message, 5000)) }, label);
    const path = '/users/@me/relationships/' + r.id;
    const block = button('Block', 'Block', () => put(path, { type: BLOCKED }), 'danger');
    if (r.type === FRIEND) {
      return [button('Message', 'Message', async () => this.social.openWith([r.id]), 'primary'),
        button('Remove', 'Remove friend', () => del(path)), block];
    }
    if (r.type === INCOMING) return [button('Accept', 'Accept', () => put(path, {}), 'primary'), button('Decline', 'Decline', () => del(path)), block];
    if (r.type === OUTGOING) return [button('Cancel', 'Cancel request to', () => del(path)), block];
    return [button('Unblock', 'Unblock', () => del(path))];
  }
}

function describe(type, status) {
  if (type === INCOMING) return 'Incoming friend request';
  if (type === OUTGOING) return 'Outgoing friend request';
  if (type === BLOCKED) return 'Blocked';
  return status === 'dnd' ? 'Do not disturb' : status[0].toUpperCase() + status.slice(1);
}
