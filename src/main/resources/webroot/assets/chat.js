// The signed-in screen: servers, channels by category, the open channel, members, live updates.
import { ApiError, get, post } from './api.js';
import { clear, compareIds, fill, h } from './dom.js';
import { Gateway } from './gateway.js';
import { MessageView } from './messages.js';
import { GuildSettings } from './settings.js';
import { MANAGING, basePermissions, memberColor } from './permissions.js';
import { Social } from './social.js';
import { StatusPanel } from './status.js';
import { Unread } from './unread.js';
import { directory } from './directory.js';

const TEXT = 0, VOICE = 2, CATEGORY = 4;
const CHANNEL_EVENTS = new Set(['CHANNEL_CREATE', 'CHANNEL_UPDATE', 'CHANNEL_DELETE', 'GUILD_ROLE_UPDATE',
  'GUILD_ROLE_DELETE', 'GUILD_ROLE_CREATE']);

export class Chat {
  constructor(app, token) {
    this.app = app;
    this.guilds = new Map();
    this.channels = new Map();
    this.members = new Map();
    this.presences = new Map();
    this.roles = new Map();
    this.guildId = null;
    this.channelId = null;
    this.gateway = new Gateway(token);
    directory.chat = this;
    this.banner = h('div', { class: 'banner', role: 'status', 'aria-live': 'polite', hidden: true });
    this.guildList = h('ul', { class: 'guild-list' });
    this.channelPane = h('nav', { class: 'channels', 'aria-label': 'Channels' });
    this.memberPane = h('aside', { class: 'members', 'aria-label': 'Members' });
    this.main = h('main', { class: 'chat' });
    this.userBar = h('div', { class: 'user-bar' });
    this.social = new Social(this);
    this.unread = new Unread(this);
    this.status = new StatusPanel(this);
    this.el = h('div', { class: 'layout' },
      h('nav', { class: 'guilds', 'aria-label': 'Servers' }, this.social.home, this.guildList,
        h('button', { class: 'guild-add', type: 'button', 'aria-label': 'Create a server', title: 'Create a server',
          onclick: () => this.createGuild() }, '+')),
      h('div', { class: 'side' }, this.channelPane, this.userBar),
      h('div', { class: 'center' }, this.banner, this.main),
      this.memberPane);
  }

  async start() {
    this.gateway.addEventListener('dispatch', e => this.onDispatch(e.detail));
    this.gateway.addEventListener('state', e => this.onState(e.detail));
    this.gateway.addEventListener('fatal', () => this.app.unauthorized());
    try {
      this.me = await get('/users/@me');
      this.renderUserBar();
      (await get('/users/@me/guilds')).forEach(g => this.guilds.set(g.id, g));
      this.renderGuilds();
      await this.gateway.start();
      this.open(this.guildId, this.channelId);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) this.app.unauthorized();
      else this.showBanner('Could not reach Parley: ' + e.message);
    }
  }

  stop() {
    clearTimeout(this.channelRecheck);
    this.gateway.stop();
    this.unread.stop();
    this.view?.stop();
  }

  /** Shows a guild and channel (null: the first available). */
  async open(guildId, channelId) {
    if (!this.me) {
      this.guildId = guildId;
      this.channelId = channelId;
      return;
    }
    if (guildId === '@me') return this.social.open(channelId);
    guildId = guildId && this.guilds.has(guildId) ? guildId : this.guilds.keys().next().value || null;
    const guildChanged = guildId !== this.guildId || !this.channels.has(guildId);
    this.guildId = guildId;
    this.renderGuilds();
    if (!guildId) {
      this.channelId = null;
      clear(this.channelPane);
      clear(this.memberPane);
      this.setView(null);
      fill(this.main, h('div', { class: 'empty' }, h('h2', {}, 'No servers yet'),
        h('p', {}, 'Create one with the + button, or open an invite link.')));
      return;
    }
    if (guildChanged) {
      await this.loadChannels(guildId);
      this.loadMembers(guildId);
    }
    const texts = this.channels.get(guildId).filter(c => c.type === TEXT);
    const channel = texts.find(c => c.id === channelId) || texts[0];
    const path = '/channels/' + guildId + (channel ? '/' + channel.id : '');
    if (location.pathname !== path) history.replaceState(null, '', path);
    if (channel?.id !== this.channelId || !this.view) {
      this.channelId = channel?.id || null;
      this.setView(channel ? new MessageView(this, channel) : null);
    }
    this.renderChannels();
  }

  setView(view) {
    this.view?.stop();
    this.view = view;
    if (view) {
      fill(this.main, view.el);
      view.start();
    } else {
      clear(this.main);
    }
  }

  async loadChannels(guildId) {
    try {
      const list = await get('/guilds/' + guildId + '/channels');
      list.sort((a, b) => (a.position - b.position) || compareIds(a.id, b.id));
      this.channels.set(guildId, list);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 403 || e.status === 404)) this.removeGuild(guildId);
      throw e;
    }
  }

  async loadMembers(guildId) {
    const list = await get('/guilds/' + guildId + '/members?limit=1000');
    this.members.set(guildId, new Map(list.map(m => [m.user.id, m])));
    if (guildId === this.guildId) {
      this.renderMembers();
      this.renderChannels();
    }
  }

  memberName(userId, fallback) {
    const member = this.members.get(this.guildId)?.get(userId);
    return member?.nick || member?.user.global_name || member?.user.username || fallback || 'Someone';
  }

  removeGuild(guildId) {
    this.guilds.delete(guildId);
    this.channels.delete(guildId);
    if (guildId === this.guildId) this.open(null, null);
    else this.renderGuilds();
  }

  renderUserBar() {
    this.status.render();
  }

  renderGuilds() {
    this.social.renderHome();
    fill(this.guildList, ...[...this.guilds.values()].map(g => h('li', {}, this.guildBadge(g.id),
      h('button', {
        type: 'button', class: 'guild' + (g.id === this.guildId ? ' active' : ''), title: g.name,
        'aria-label': g.name, 'aria-current': g.id === this.guildId ? 'page' : undefined,
        onclick: () => this.app.navigate('/channels/' + g.id),
      }, initials(g.name)))));
  }

  guildBadge(guildId) {
    const { unread, mentions } = this.unread.guildSummary(guildId);
    if (mentions) return h('span', { class: 'badge', 'aria-label': mentions + ' mentions' }, String(mentions));
    return unread ? h('span', { class: 'unread-pip', 'aria-label': 'unread' }) : null;
  }

  /** Unread and mention marks changed: the rail and the open list are drawn again. */
  renderBadges() {
    this.renderGuilds();
    if (this.guildId === '@me') this.social.renderList();
    else if (this.guildId && this.channels.has(this.guildId)) this.renderChannels();
  }

  renderChannels() {
    const guild = this.guilds.get(this.guildId);
    const list = this.channels.get(this.guildId) || [];
    const groups = new Map([[null, []]]);
    list.filter(c => c.type === CATEGORY).forEach(c => groups.set(c.id, []));
    list.filter(c => c.type !== CATEGORY).forEach(c => (groups.get(c.parent_id) || groups.get(null)).push(c));
    const sections = [];
    for (const [categoryId, channels] of groups) {
      const category = list.find(c => c.id === categoryId);
      if (!channels.length && !category) continue;
      sections.push(h('section', { class: 'category', 'aria-label': category ? category.name : 'Channels' },
        category ? h('h3', {}, category.name) : null,
        h('ul', {}, channels.map(c => h('li', {}, this.channelEntry(c))))));
    }
    fill(this.channelPane,
      h('header', { class: 'guild-header' }, h('h2', {}, guild?.name || ''),
        h('button', { type: 'button', class: 'small', 'aria-label': 'Invite people', onclick: () => this.invite() },
          'Invite'),
        this.canManage() && h('button', { type: 'button', class: 'small', 'aria-label': 'Server settings',
          onclick: () => new GuildSettings(this, this.guildId).open() }, 'Settings')),
      ...sections);
  }

  channelEntry(c) {
    if (c.type === VOICE) {
      return h('span', { class: 'channel voice', 'aria-label': 'Voice channel ' + c.name }, '🔊 ', c.name);
    }
    return this.unread.decorate(h('a', {
      href: '/channels/' + this.guildId + '/' + c.id, 'data-channel': c.id,
      class: 'channel' + (c.id === this.channelId ? ' active' : ''),
      'aria-current': c.id === this.channelId ? 'page' : undefined,
      onclick: event => {
        event.preventDefault();
        this.app.navigate('/channels/' + this.guildId + '/' + c.id);
      },
    }, '# ', c.name), c.id);
  }

  renderMembers() {
    if (this.guildId === '@me') return this.social.renderOpenRecipients();
    const members = [...(this.members.get(this.guildId)?.values() || [])];
    const status = m => this.presences.get(m.user.id) || 'offline';
    const online = members.filter(m => status(m) !== 'offline');
    const offline = members.filter(m => status(m) === 'offline');
    const byName = (a, b) => this.memberName(a.user.id).localeCompare(this.memberName(b.user.id));
    const section = (title, list) => list.length ? h('section', {},
      h('h3', {}, `${title} — ${list.length}`),
      h('ul', {}, list.sort(byName).map(m => h('li', { class: 'member ' + status(m) },
        h('span', { class: 'presence ' + status(m), 'aria-label': status(m), role: 'img' }),
        this.coloured(h('span', { class: 'member-name' }, this.memberName(m.user.id)), m),
        this.social.messageButton(m.user))))) : null;
    fill(this.memberPane, section('Online', online), section('Offline', offline));
  }

  /** Whether this user holds any managing permission here (the server still checks each change). */
  canManage() {
    const guild = this.guilds.get(this.guildId);
    const me = this.members.get(this.guildId)?.get(this.me.id);
    if (!guild?.owner_id) return false;
    return (basePermissions(guild, this.roles.get(this.guildId) || [], me, this.me.id) & MANAGING) !== 0n;
  }

  /** A member's name in the colour of their highest coloured role (CSSOM, allowed by the CSP). */
  coloured(el, member) {
    const color = memberColor(this.roles.get(this.guildId), member);
    if (color) el.style.color = color;
    return el;
  }

  memberChanged(d) {
    this.members.get(d.guild_id)?.set(d.user.id, d);
    if (d.guild_id === this.guildId) {
      this.renderMembers();
      if (d.user.id === this.me.id) this.renderChannels();
    }
  }

  onRoleDispatch(t, d) {
    const roles = this.roles.get(d.guild_id);
    if (!roles) return;
    const index = roles.findIndex(r => r.id === (d.role?.id || d.role_id));
    if (t === 'GUILD_ROLE_DELETE') index >= 0 && roles.splice(index, 1);
    else if (index >= 0) roles[index] = { ...roles[index], ...d.role };
    else roles.push(d.role);
    if (d.guild_id === this.guildId) this.renderMembers();
  }

  async createGuild() {
    const name = prompt('Name of the new server');
    if (!name) return;
    try {
      const guild = await post('/guilds', { name });
      this.guilds.set(guild.id, guild);
      this.app.navigate('/channels/' + guild.id);
    } catch (e) {
      alert(e.fieldError?.('name') || e.message);
    }
  }

  async invite() {
    if (!this.channelId) return;
    try {
      const invite = await post('/channels/' + this.channelId + '/invites', { max_age: 604800 });
      const url = location.origin + '/invite/' + invite.code;
      const input = h('input', { readonly: true, value: url, 'aria-label': 'Invite link', class: 'invite-link' });
      const dialog = h('dialog', { class: 'invite-dialog', 'aria-label': 'Invite people' },
        h('h2', {}, 'Invite people'), h('p', {}, 'Send this link to someone to let them join:'), input,
        h('div', { class: 'actions' },
          h('button', { type: 'button', onclick: () => navigator.clipboard?.writeText(url) }, 'Copy'),
          h('button', { type: 'button', class: 'primary', onclick: () => dialog.close() }, 'Done')));
      dialog.addEventListener('close', () => dialog.remove());
      document.body.append(dialog);
      dialog.showModal();
      input.select();
    } catch (e) {
      this.showBanner(e.message, 5000);
    }
  }

  onState({ connected, resumed, fresh }) {
    if (!connected) {
      this.showBanner('Connection lost — reconnecting…');
      return;
    }
    this.hideBanner();
    if (!resumed && !fresh) {
      // a new session: what was missed is not replayed, so read it again
      this.guildId && this.guildId !== '@me' && this.loadChannels(this.guildId).then(() => this.renderChannels());
      this.view?.refetch();
    }
  }

  onDispatch({ t, d }) {
    if (t.startsWith('GUILD_ROLE_')) this.onRoleDispatch(t, d);
    this.unread.onDispatch(t, d);
    this.social.onDispatch(t, d);
    this.status.onDispatch(t, d);
    directory.remember(t, d);
    if (t === 'GUILD_CREATE') {
      if (!this.guilds.has(d.id)) {
        this.guilds.set(d.id, { id: d.id, name: d.name ?? d.properties?.name });
        this.renderGuilds();
      }
      (d.presences || []).forEach(p => this.presences.set(p.user.id, p.status));
      this.guilds.get(d.id).owner_id = d.owner_id;
      this.roles.set(d.id, [...(d.roles || [])]);
      if (d.id === this.guildId) {
        this.renderMembers();
        this.renderChannels();
      }
    } else if (t === 'GUILD_DELETE' && !d.unavailable) {
      this.removeGuild(d.id);
    } else if (t === 'GUILD_UPDATE' && this.guilds.has(d.id)) {
      if (d.name !== undefined) this.guilds.get(d.id).name = d.name;
      if (d.owner_id) this.guilds.get(d.id).owner_id = d.owner_id;
      this.renderGuilds();
      if (d.id === this.guildId) this.renderChannels();
    } else if (CHANNEL_EVENTS.has(t) || (t === 'GUILD_MEMBER_UPDATE' && d.user?.id === this.me.id)) {
      if (t === 'GUILD_MEMBER_UPDATE') this.memberChanged(d);
      this.refreshChannels(d.guild_id);
      // the event is dispatched once stored; the list is read from a projection that may lag a moment
      clearTimeout(this.channelRecheck);
      this.channelRecheck = setTimeout(() => this.refreshChannels(d.guild_id), 1500);
    } else if (t === 'PRESENCE_UPDATE') {
      this.presences.set(d.user.id, d.status);
      if (d.guild_id === this.guildId || !d.guild_id) this.renderMembers();
    } else if (t === 'GUILD_MEMBER_ADD' || t === 'GUILD_MEMBER_UPDATE') {
      this.memberChanged(d);
    } else if (t === 'GUILD_MEMBER_REMOVE') {
      this.members.get(d.guild_id)?.delete(d.user.id);
      if (d.user.id === this.me.id) this.removeGuild(d.guild_id);
      else if (d.guild_id === this.guildId) this.renderMembers();
    }
    this.view?.onDispatch(t, d);
  }

  /** The server lists only channels one may view, so a permission change is a refetch away. */
  async refreshChannels(guildId) {
    if (!guildId || !this.channels.has(guildId)) return;
    await this.loadChannels(guildId).catch(() => null);
    if (guildId !== this.guildId) return;
    const visible = this.channels.get(guildId)?.some(c => c.id === this.channelId);
    if (visible) this.renderChannels();
    else this.open(guildId, null);
  }

  showBanner(text, hideAfter) {
    this.banner.textContent = text;
    this.banner.hidden = false;
    clearTimeout(this.bannerTimer);
    if (hideAfter) this.bannerTimer = setTimeout(() => this.hideBanner(), hideAfter);
  }

  hideBanner() {
    this.banner.hidden = true;
  }
}

function initials(name) {
  return (name || '?').split(/\s+/).filter(Boolean).slice(0, 2).map(w => [...w][0]).join('').toUpperCase();
}
