// Server settings for those allowed: overview, channels, roles with permissions, channel overwrites, members.
import { api, del, get, patch, post } from './api.js';
import { compareIds, fill, h } from './dom.js';
import { PERMISSIONS } from './permissions.js';

const TYPES = [[0, 'Text'], [2, 'Voice'], [4, 'Category']];
const ACTIONS = new Map([[1, 'updated the server'], [10, 'created channel'], [11, 'updated channel'],
  [12, 'deleted channel'], [13, 'added an overwrite on'], [14, 'changed an overwrite on'], [15, 'removed an overwrite on'],
  [20, 'kicked'], [22, 'banned'], [23, 'unbanned'], [24, 'updated member'], [25, 'changed the roles of'],
  [30, 'created role'], [31, 'updated role'], [32, 'deleted role'], [40, 'created an invite'],
  [41, 'updated an invite'], [42, 'revoked an invite']]);

export class GuildSettings {
  constructor(chat, guildId) {
    this.chat = chat;
    this.guildId = guildId;
    this.error = h('p', { class: 'error settings-error', role: 'alert' });
    this.body = h('div', { class: 'settings-body' });
    const tab = (name, render) => h('button', { type: 'button', class: 'settings-tab',
      onclick: () => this.show(render) }, name);
    this.dialog = h('dialog', { class: 'settings-dialog', 'aria-label': 'Server settings' },
      h('header', {}, h('h2', {}, 'Server settings'),
        h('button', { type: 'button', 'aria-label': 'Close settings', onclick: () => this.dialog.close() }, '✕')),
      h('nav', { class: 'settings-tabs', 'aria-label': 'Settings sections' },
        tab('Overview', () => this.overview()), tab('Channels', () => this.channels()),
        tab('Roles', () => this.roles()), tab('Members', () => this.members()), tab('Bans', () => this.bans()),
        tab('Invites', () => this.invites()), tab('Audit log', () => this.auditLog())),
      this.error, this.body);
    this.dialog.addEventListener('close', () => this.dialog.remove());
  }

  open() {
    document.body.append(this.dialog);
    this.dialog.showModal();
    this.show(() => this.overview());
  }

  async show(render) {
    this.current = render;
    this.error.textContent = '';
    try {
      fill(this.body, await render());
    } catch (e) {
      this.error.textContent = e.message;
    }
  }

  /** Runs a change, shows the server's error inline (e.g. 403 MISSING_PERMISSIONS), then redraws. */
  async act(change) {
    this.error.textContent = '';
    try {
      await change();
      fill(this.body, await this.current());
    } catch (e) {
      this.error.textContent = (e.code ? e.code + ': ' : '') + e.message;
    }
  }

  path(rest = '') {
    return '/guilds/' + this.guildId + rest;
  }

  async overview() {
    const guild = await get(this.path());
    const name = h('input', { value: guild.name, 'aria-label': 'Server name', maxlength: 100 });
    return h('form', { class: 'settings-form', onsubmit: e => { e.preventDefault();
      this.act(() => patch(this.path(), { name: name.value })); } },
      h('label', {}, 'Server name ', name), h('button', { type: 'submit', class: 'primary' }, 'Save'));
  }

  async sortedChannels() {
    const list = await get(this.path('/channels'));
    return list.sort((a, b) => (a.position - b.position) || compareIds(a.id, b.id));
  }

  async channels() {
    const list = await this.sortedChannels();
    const name = h('input', { 'aria-label': 'New channel name', placeholder: 'new-channel', maxlength: 100 });
    const type = h('select', { 'aria-label': 'New channel type' }, TYPES.map(([v, l]) => h('option', { value: v }, l)));
    const move = (index, by) => this.act(() => {
      const order = [...list];
      [order[index], order[index + by]] = [order[index + by], order[index]];
      return patch(this.path('/channels'), order.map((c, position) => ({ id: c.id, position })));
    });
    return h('div', {},
      h('form', { class: 'settings-form', onsubmit: e => { e.preventDefault();
        this.act(() => post(this.path('/channels'), { name: name.value, type: Number(type.value) })); } },
        name, type, h('button', { type: 'submit', class: 'primary' }, 'Create channel')),
      h('ul', { class: 'settings-list' }, list.map((c, i) => {
        const rename = h('input', { value: c.name, 'aria-label': 'Name of ' + c.name, maxlength: 100 });
        return h('li', { class: 'settings-row', 'data-channel': c.id },
          rename,
          h('button', { type: 'button', onclick: () => this.act(() => patch('/channels/' + c.id, { name: rename.value })) }, 'Rename'),
          h('button', { type: 'button', 'aria-label': 'Move ' + c.name + ' up', disabled: i === 0, onclick: () => move(i, -1) }, '↑'),
          h('button', { type: 'button', 'aria-label': 'Move ' + c.name + ' down', disabled: i === list.length - 1,
            onclick: () => move(i, 1) }, '↓'),
          h('button', { type: 'button', onclick: () => this.show(() => this.overwrites(c)) }, 'Permissions'),
          h('button', { type: 'button', class: 'danger', 'aria-label': 'Delete ' + c.name,
            onclick: () => confirm('Delete ' + c.name + '?') && this.act(() => del('/channels/' + c.id)) }, 'Delete'));
      })));
  }

  /** Allow / neutral / deny per permission, for one role on one channel. */
  async overwrites(channel) {
    const roles = await get(this.path('/roles'));
    const fresh = (await get('/channels/' + channel.id));
    const role = h('select', { 'aria-label': 'Role' }, roles.map(r => h('option', { value: r.id }, r.name)));
    const grid = h('div', { class: 'overwrite-grid' });
    const draw = () => {
      const current = fresh.permission_overwrites.find(o => o.id === role.value) || { allow: '0', deny: '0' };
      fill(grid, PERMISSIONS.map(p => {
        const state = BigInt(current.allow) & p.bit ? 'allow' : BigInt(current.deny) & p.bit ? 'deny' : 'neutral';
        return h('fieldset', { class: 'overwrite', 'data-permission': p.name },
          h('legend', {}, p.label),
          ['allow', 'neutral', 'deny'].map(s => h('label', {}, h('input', { type: 'radio', name: 'ow-' + p.name,
            value: s, checked: s === state, 'aria-label': s + ' ' + p.label }), s)));
      }));
    };
    role.addEventListener('change', draw);
    draw();
    const save = () => this.act(async () => {
      let allow = 0n, deny = 0n;
      for (const p of PERMISSIONS) {
        const chosen = grid.querySelector(`input[name="ow-${p.name}"]:checked`)?.value;
        if (chosen === 'allow') allow |= p.bit;
        if (chosen === 'deny') deny |= p.bit;
      }
      await api('PUT', '/channels/' + channel.id + '/permissions/' + role.value,
        { type: 0, allow: allow.toString(), deny: deny.toString() });
      this.current = () => this.overwrites(channel);
    });
    return h('div', {}, h('h3', {}, 'Permissions of #' + channel.name), h('label', {}, 'Role ', role), grid,
      h('button', { type: 'button', class: 'primary', onclick: save }, 'Save permissions'),
      h('button', { type: 'button', onclick: () => this.show(() => this.channels()) }, 'Back'));
  }

  async roles() {
    const roles = (await get(this.path('/roles'))).sort((a, b) => b.position - a.position);
    const name = h('input', { 'aria-label': 'New role name', placeholder: 'new role', maxlength: 100 });
    const color = h('input', { type: 'color', 'aria-label': 'New role colour', value: '#5865f2' });
    const movable = roles.filter(r => r.id !== this.guildId);
    const move = (index, by) => this.act(() => {
      const order = [...movable];
      [order[index], order[index + by]] = [order[index + by], order[index]];
      return patch(this.path('/roles'), order.map((r, i) => ({ id: r.id, position: order.length - i })));
    });
    return h('div', {},
      h('form', { class: 'settings-form', onsubmit: e => { e.preventDefault();
        this.act(() => post(this.path('/roles'), { name: name.value, color: parseInt(color.value.slice(1), 16) })); } },
        name, color, h('button', { type: 'submit', class: 'primary' }, 'Create role')),
      h('ul', { class: 'settings-list' }, roles.map(r => {
        const i = movable.indexOf(r);
        const rename = h('input', { value: r.name, 'aria-label': 'Name of role ' + r.name, maxlength: 100 });
        const colour = h('input', { type: 'color', 'aria-label': 'Colour of ' + r.name,
          value: '#' + (r.color || 0).toString(16).padStart(6, '0') });
        const perms = h('details', {}, h('summary', {}, 'Permissions'), PERMISSIONS.map(p =>
          h('label', { class: 'permission' }, h('input', { type: 'checkbox', 'data-bit': p.bit.toString(),
            checked: (BigInt(r.permissions) & p.bit) !== 0n }), p.label)));
        const save = () => this.act(() => {
          let bits = 0n;
          perms.querySelectorAll('input:checked').forEach(box => { bits |= BigInt(box.dataset.bit); });
          return patch(this.path('/roles/' + r.id), { name: rename.value,
            color: parseInt(colour.value.slice(1), 16), permissions: bits.toString() });
        });
        return h('li', { class: 'settings-row', 'data-role': r.id }, rename, colour,
          h('button', { type: 'button', onclick: save }, 'Save'),
          i >= 0 && h('button', { type: 'button', 'aria-label': 'Move ' + r.name + ' up', disabled: i === 0,
            onclick: () => move(i, -1) }, '↑'),
          i >= 0 && h('button', { type: 'button', 'aria-label': 'Move ' + r.name + ' down',
            disabled: i === movable.length - 1, onclick: () => move(i, 1) }, '↓'),
          i >= 0 && h('button', { type: 'button', class: 'danger', 'aria-label': 'Delete role ' + r.name,
            onclick: () => this.act(() => del(this.path('/roles/' + r.id))) }, 'Delete'),
          perms);
      })));
  }

  async members() {
    const [members, roles] = await Promise.all([get(this.path('/members?limit=1000')), get(this.path('/roles'))]);
    const assignable = roles.filter(r => r.id !== this.guildId);
    return h('ul', { class: 'settings-list' }, members.map(m => {
      const name = m.nick || m.user.global_name || m.user.username;
      const nick = h('input', { value: m.nick || '', 'aria-label': 'Nickname of ' + name, maxlength: 32 });
      const userPath = this.path('/members/' + m.user.id);
      return h('li', { class: 'settings-row', 'data-member': m.user.id }, h('strong', {}, name), nick,
        h('button', { type: 'button', onclick: () => this.act(() => patch(userPath, { nick: nick.value || null })) }, 'Set nickname'),
        assignable.map(r => h('label', { class: 'permission' }, h('input', { type: 'checkbox',
          'aria-label': 'Role ' + r.name + ' for ' + name, checked: m.roles.includes(r.id),
          onchange: e => this.act(() => api(e.target.checked ? 'PUT' : 'DELETE', userPath + '/roles/' + r.id)) }), r.name)),
        h('button', { type: 'button', onclick: () => this.act(() => patch(userPath, {
          communication_disabled_until: new Date(Date.now() + 3600_000).toISOString() })) }, 'Time out 1h'),
        h('button', { type: 'button', class: 'danger', onclick: () => this.act(() => del(userPath)) }, 'Kick'),
        h('button', { type: 'button', class: 'danger', onclick: () => {
          const reason = prompt('Reason for the ban');
          if (reason !== null) this.act(() => api('PUT', '/guilds/' + this.guildId + '/bans/' + m.user.id, { reason }));
        } }, 'Ban'));
    }));
  }

  async bans() {
    const bans = await get(this.path('/bans'));
    if (!bans.length) return h('p', { class: 'empty-note' }, 'Nobody is banned.');
    return h('ul', { class: 'settings-list' }, bans.map(b => h('li', { class: 'settings-row', 'data-ban': b.user.id },
      h('strong', {}, b.user.global_name || b.user.username), b.reason ? h('span', {}, b.reason) : null,
      h('button', { type: 'button', 'aria-label': 'Unban ' + b.user.username,
        onclick: () => this.act(() => del(this.path('/bans/' + b.user.id))) }, 'Unban'))));
  }

  async invites() {
    const invites = await get(this.path('/invites'));
    if (!invites.length) return h('p', { class: 'empty-note' }, 'No invites.');
    return h('ul', { class: 'settings-list' }, invites.map(i => h('li', { class: 'settings-row', 'data-invite': i.code },
      h('code', {}, i.code), h('span', {}, (i.inviter?.username || '') + ' · ' + (i.uses ?? 0) + ' uses'),
      h('button', { type: 'button', class: 'danger', 'aria-label': 'Revoke invite ' + i.code,
        onclick: () => this.act(() => del('/invites/' + encodeURIComponent(i.code))) }, 'Revoke'))));
  }

  async auditLog() {
    const log = await get(this.path('/audit-logs?limit=50'));
    const users = new Map((log.users || []).map(u => [u.id, u.global_name || u.username]));
    const entries = log.audit_log_entries || [];
    if (!entries.length) return h('p', { class: 'empty-note' }, 'Nothing logged yet.');
    return h('ol', { class: 'settings-list audit-log' }, entries.map(e => h('li', { class: 'settings-row' },
      h('strong', {}, users.get(e.user_id) || e.user_id || 'Someone'), ' ' + (ACTIONS.get(e.action_type) || 'action ' + e.action_type),
      e.target_id ? ' on ' + (users.get(e.target_id) || e.target_id) : '', e.reason ? ' — ' + e.reason : '')));
  }
}
