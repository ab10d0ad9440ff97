// Unread channels and mention counts: READY's read_state, live messages, acks while one reads,
// the tab title "(3) Parley", and a desktop notification for a mention while the tab is hidden.
import { post } from './api.js';
import { compareIds, h } from './dom.js';

export class Unread {
  constructor(chat) {
    this.chat = chat;
    this.state = new Map(); // channel id -> { guildId, lastId, ackedId, mentions }
    this.myRoles = new Map();
    this.timer = setInterval(() => this.ackIfReading(), 1000);
    this.onVisible = () => this.ackIfReading();
    document.addEventListener('visibilitychange', this.onVisible);
  }

  stop() {
    clearInterval(this.timer);
    document.removeEventListener('visibilitychange', this.onVisible);
    document.title = 'Parley';
  }

  entry(id) {
    if (!this.state.has(id)) this.state.set(id, { guildId: null, lastId: null, ackedId: null, mentions: 0 });
    return this.state.get(id);
  }

  onDispatch(t, d) {
    const me = this.chat.me?.id;
    if (t === 'READY') {
      for (const e of d.read_state?.entries || []) Object.assign(this.entry(e.id), { ackedId: e.last_message_id, mentions: e.mention_count || 0 });
      for (const c of d.private_channels || []) this.entry(c.id).lastId = c.last_message_id;
    } else if (t === 'GUILD_CREATE') {
      for (const c of d.channels || []) {
        const e = this.entry(c.id);
        e.guildId = d.id;
        if (c.last_message_id) e.lastId = c.last_message_id;
      }
      const mine = (d.members || []).find(m => m.user?.id === me);
      if (mine) this.myRoles.set(d.id, mine.roles || []);
    } else if (t === 'GUILD_MEMBER_UPDATE' && d.user?.id === me) {
      this.myRoles.set(d.guild_id, d.roles || []);
    } else if (t === 'MESSAGE_CREATE') {
      const e = this.entry(d.channel_id);
      if (d.guild_id) e.guildId = d.guild_id;
      e.lastId = d.id;
      if (d.author?.id === me) {
        e.ackedId = d.id;
        e.mentions = 0;
      } else if (!this.reading(d.channel_id) && this.mentionsMe(d)) {
        e.mentions++;
        this.notify(d);
      }
    } else if (t === 'MESSAGE_ACK') {
      const e = this.entry(d.channel_id);
      if (!e.ackedId || compareIds(d.message_id, e.ackedId) > 0) e.ackedId = d.message_id;
      if (!e.lastId || compareIds(e.ackedId, e.lastId) >= 0) e.mentions = 0;
    } else {
      return;
    }
    this.changed();
  }

  mentionsMe(m) {
    if (!m.guild_id) return true; // every message in a DM is for its recipients (as on Discord)
    if (m.mention_everyone || (m.mentions || []).some(u => u.id === this.chat.me?.id)) return true;
    const roles = this.myRoles.get(m.guild_id) || [];
    return (m.mention_roles || []).some(r => roles.includes(r));
  }

  isUnread(id) {
    const e = this.state.get(id);
    if (!e?.lastId || this.reading(id)) return false;
    return !e.ackedId || compareIds(e.lastId, e.ackedId) > 0;
  }

  mentions(id) {
    return this.reading(id) ? 0 : this.state.get(id)?.mentions || 0;
  }

  guildSummary(guildId) {
    let unread = false, mentions = 0;
    for (const [id, e] of this.state) {
      if (e.guildId !== guildId) continue;
      unread ||= this.isUnread(id);
      mentions += this.mentions(id);
    }
    return { unread, mentions };
  }

  /** The open channel is being read: shown, the tab visible, its newest message in view. */
  reading(id) {
    const view = this.chat.view;
    if (!view || view.channel.id !== id || document.visibilityState !== 'visible') return false;
    const s = view.scroller;
    return s.scrollHeight - s.scrollTop - s.clientHeight < 40;
  }

  ackIfReading() {
    const view = this.chat.view;
    const last = view?.messages[view.messages.length - 1];
    if (!last || !this.reading(view.channel.id)) return;
    const e = this.entry(view.channel.id);
    if (e.ackedId && compareIds(last.id, e.ackedId) <= 0 && !e.mentions) return;
    e.ackedId = last.id;
    e.mentions = 0;
    post(`/channels/${view.channel.id}/messages/${last.id}/ack`, { token: null }).catch(() => null);
    this.changed();
  }

  /** Bold for unread, a count for mentions, on a channel link. */
  decorate(link, channelId) {
    const mentions = this.mentions(channelId);
    if (this.isUnread(channelId) || mentions) link.classList.add('unread');
    if (mentions) link.append(h('span', { class: 'badge', 'aria-label': mentions + ' mentions' }, String(mentions)));
    return link;
  }

  changed() {
    // redrawn only when a mark changes (lists rebuilt under a pointer would eat clicks), once
    // for a burst of events (a timer, not a frame: frames stop in a hidden tab)
    let total = 0, marks = '';
    for (const id of this.state.keys()) {
      const mentions = this.mentions(id);
      total += mentions;
      if (mentions || this.isUnread(id)) marks += id + ':' + mentions + ',';
    }
    if (marks !== this.marks) {
      this.marks = marks;
      clearTimeout(this.frame);
      this.frame = setTimeout(() => this.chat.renderBadges(), 0);
    }
    document.title = (total ? `(${total}) ` : '') + 'Parley';
  }

  notify(m) {
    if (!document.hidden || typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    const who = m.author?.global_name || m.author?.username || 'Someone';
    try {
      const n = new Notification(who + ' mentioned you', { body: (m.content || '').slice(0, 140), tag: m.channel_id });
      n.onclick = () => {
        window.focus();
        this.chat.app.navigate('/channels/' + (m.guild_id || '@me') + '/' + m.channel_id);
      };
    } catch {
      // some browsers only allow notifications from a service worker
    }
  }
}
