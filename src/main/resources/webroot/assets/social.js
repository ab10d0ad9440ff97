// Direct messages and group DMs: the home button, the DM list, opening one, starting one.
import { post } from './api.js';
import { compareIds, fill, h } from './dom.js';
import { FriendsView } from './friends.js';
import { MessageView } from './messages.js';

const DM = 1, GROUP_DM = 3;

export class Social {
  constructor(chat) {
    this.chat = chat;
    this.dms = new Map();
    this.friends = new FriendsView(this);
    this.homeButton = h('button', {
      type: 'button', class: 'guild home', 'aria-label': 'Direct messages', title: 'Direct messages',
      onclick: () => chat.app.navigate('/channels/@me/friends'),
    }, '✉');
    this.homeBadge = h('span', { class: 'badge', hidden: true });
    this.home = h('div', { class: 'home-slot' }, this.homeButton, this.homeBadge);
  }

  isDm(channel) {
    return channel?.type === DM || channel?.type === GROUP_DM;
  }

  dmName(c) {
    if (c.type === GROUP_DM && c.name) return c.name;
    const names = (c.recipients || []).map(u => u.global_name || u.username);
    return names.length ? names.join(', ') : 'Only you';
  }

  onDispatch(t, d) {
    if (t === 'READY') {
      this.dms.clear();
      (d.private_channels || []).forEach(c => this.dms.set(c.id, c));
      this.friends.load(d.relationships || []);
      this.ready = true;
      if (this.chat.guildId === '@me') this.open(this.pending ?? this.chat.channelId);
      return;
    }
    if ((t === 'CHANNEL_CREATE' || t === 'CHANNEL_UPDATE') && this.isDm(d)) {
      this.dms.set(d.id, { ...this.dms.get(d.id), ...d });
    } else if (t === 'CHANNEL_DELETE' && this.dms.has(d.id)) {
      this.dms.delete(d.id);
      if (this.chat.channelId === d.id) this.chat.app.navigate('/channels/@me/friends', true);
    } else if ((t === 'CHANNEL_RECIPIENT_ADD' || t === 'CHANNEL_RECIPIENT_REMOVE') && this.dms.has(d.channel_id)) {
      const dm = this.dms.get(d.channel_id);
      dm.recipients = (dm.recipients || []).filter(u => u.id !== d.user.id);
      if (t === 'CHANNEL_RECIPIENT_ADD') dm.recipients.push(d.user);
    } else if (t === 'MESSAGE_CREATE' && this.dms.has(d.channel_id)) {
      this.dms.get(d.channel_id).last_message_id = d.id;
    } else if (t === 'RELATIONSHIP_ADD' || t === 'RELATIONSHIP_REMOVE' || t === 'PRESENCE_UPDATE') {
      this.friends.onDispatch(t, d);
    } else {
      return;
    }
    if (this.chat.guildId === '@me') this.renderList();
  }

  /** Shows the home: the DM list beside a DM (channelId) or the friends view. */
  open(channelId) {
    const chat = this.chat;
    this.pending = channelId;
    chat.guildId = '@me';
    chat.renderGuilds();
    chat.memberPane.replaceChildren();
    const dm = channelId && this.dms.get(channelId);
    if (!dm) {
      chat.channelId = null;
      chat.setView(null);
      chat.main.replaceChildren(this.friends.render());
      // before READY a DM in the path is not known yet: READY opens it
      if (this.ready && location.pathname !== '/channels/@me/friends') history.replaceState(null, '', '/channels/@me/friends');
    } else if (chat.channelId !== dm.id || !chat.view) {
      if (location.pathname !== '/channels/@me/' + dm.id) history.replaceState(null, '', '/channels/@me/' + dm.id);
      chat.channelId = dm.id;
      chat.setView(new MessageView(chat, { ...dm, name: this.dmName(dm), mark: '@' }));
      this.renderRecipients(dm);
    }
    this.renderList();
  }

  renderHome() {
    const active = this.chat.guildId === '@me';
    // the friends view has no member column: the center takes its place
    this.chat.el.classList.toggle('no-members', active && !this.chat.channelId);
    this.homeButton.classList.toggle('active', active);
    if (active) this.homeButton.setAttribute('aria-current', 'page');
    else this.homeButton.removeAttribute('aria-current');
    const mentions = [...this.dms.keys()].reduce((n, id) => n + this.chat.unread.mentions(id), 0);
    this.homeBadge.hidden = !mentions;
    this.homeBadge.textContent = String(mentions);
  }

  renderList() {
    const chat = this.chat;
    const list = [...this.dms.values()].sort((a, b) => compareIds(b.last_message_id || b.id, a.last_message_id || a.id));
    fill(chat.channelPane,
      h('header', { class: 'guild-header' }, h('h2', {}, 'Home'),
        h('button', { type: 'button', class: 'small', 'aria-label': 'New group DM', onclick: () => this.newGroup() }, 'New group')),
      h('a', {
        href: '/channels/@me/friends', class: 'channel' + (!chat.channelId ? ' active' : ''),
        onclick: e => { e.preventDefault(); chat.app.navigate('/channels/@me/friends'); },
      }, '👥 Friends', this.friends.pendingBadge()),
      h('section', { class: 'category', 'aria-label': 'Direct messages' }, h('h3', {}, 'Direct messages'),
        h('ul', { class: 'dm-list' }, list.map(c => h('li', {}, chat.unread.decorate(h('a', {
          href: '/channels/@me/' + c.id, 'data-channel': c.id,
          class: 'channel dm' + (c.id === chat.channelId ? ' active' : ''),
          'aria-current': c.id === chat.channelId ? 'page' : undefined,
          onclick: e => { e.preventDefault(); chat.app.navigate('/channels/@me/' + c.id); },
        }, c.type === GROUP_DM ? '👥 ' : '@ ', this.dmName(c)), c.id)))),
        list.length ? null : h('p', { class: 'muted dm-empty' }, 'No direct messages yet. Message a friend or a member to start one.')));
    this.renderHome();
  }

  renderOpenRecipients() {
    const dm = this.dms.get(this.chat.channelId);
    if (dm) this.renderRecipients(dm);
  }

  renderRecipients(dm) {
    const people = dm.recipients || [];
    fill(this.chat.memberPane, h('section', {}, h('h3', {}, `Recipients — ${people.length + 1}`),
      h('ul', {}, [this.chat.me, ...people].map(u => {
        const status = u.id === this.chat.me.id ? this.chat.status.shownStatus() : this.chat.presences.get(u.id) || 'offline';
        return h('li', { class: 'member ' + status },
          h('span', { class: 'presence ' + status, 'aria-label': status, role: 'img' }), u.global_name || u.username);
      }))));
  }

  /** A "Message" button for someone in the member list (never oneself). */
  messageButton(user) {
    if (!user || user.id === this.chat.me?.id) return null;
    const name = user.global_name || user.username;
    return h('button', { type: 'button', class: 'link small dm-start', 'aria-label': 'Message ' + name,
      title: 'Message ' + name, onclick: () => this.openWith([user.id]) }, '✉');
  }

  async openWith(userIds) {
    try {
      const body = userIds.length === 1 ? { recipient_id: userIds[0] } : { recipients: userIds };
      const dm = await post('/users/@me/channels', body);
      this.dms.set(dm.id, { ...this.dms.get(dm.id), ...dm });
      this.chat.app.navigate('/channels/@me/' + dm.id);
    } catch (e) {
      this.chat.showBanner(e.message, 5000);
    }
  }

  /** Picks friends for a group DM in a dialog (Esc closes it). */
  newGroup() {
    const friends = this.friends.list(1);
    const boxes = friends.map(r => h('label', { class: 'pick' },
      h('input', { type: 'checkbox', value: r.id }), ' ', r.user.global_name || r.user.username));
    const error = h('div', { class: 'form-error', role: 'alert' });
    const dialog = h('dialog', { class: 'group-dialog', 'aria-label': 'New group DM' },
      h('h2', {}, 'New group DM'),
      friends.length ? h('div', { class: 'picks' }, boxes) : h('p', { class: 'muted' }, 'Add friends first to start a group.'),
      error,
      h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel'),
        h('button', { type: 'button', class: 'primary', onclick: async () => {
          const ids = boxes.map(b => b.firstChild).filter(i => i.checked).map(i => i.value);
          if (!ids.length) { error.textContent = 'Pick at least one friend.'; return; }
          dialog.close();
          await this.openWith(ids);
        } }, 'Create')));
    dialog.addEventListener('close', () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
  }
}
