// The user panel: one's name, status (online/idle/dnd/invisible) and custom status, kept in
// PATCH /users/@me/settings and followed across tabs by USER_SETTINGS_UPDATE; notifications; log out.
import { patch } from './api.js';
import { fill, h } from './dom.js';

const STATUSES = [['online', 'Online'], ['idle', 'Idle'], ['dnd', 'Do not disturb'], ['invisible', 'Invisible']];

export class StatusPanel {
  constructor(chat) {
    this.chat = chat;
    this.settings = { status: 'online', custom_status: null };
  }

  onDispatch(t, d) {
    if (t === 'READY' && d.user_settings) this.settings = { ...this.settings, ...d.user_settings };
    else if (t === 'USER_SETTINGS_UPDATE') this.settings = { ...this.settings, ...d };
    else return;
    this.render();
    this.chat.renderMembers();
  }

  /** One's own presence as others see it. */
  shownStatus() {
    const status = this.settings.status || 'online';
    return status === 'invisible' ? 'offline' : status;
  }

  render() {
    const chat = this.chat;
    if (!chat.me) return;
    const status = this.settings.status || 'online';
    const shown = status === 'invisible' ? 'offline' : status;
    const label = STATUSES.find(([k]) => k === status)?.[1] || status;
    const custom = this.settings.custom_status?.text;
    const canAsk = typeof Notification !== 'undefined' && Notification.permission === 'default';
    fill(chat.userBar,
      h('button', { type: 'button', class: 'me-button', 'aria-label': 'Set status, now ' + label, 'aria-haspopup': 'dialog',
        onclick: () => this.openMenu() },
      h('span', { class: 'presence ' + shown, role: 'img', 'aria-label': label }),
      h('span', { class: 'me-lines' },
        h('span', { class: 'me', title: chat.me.username }, chat.me.global_name || chat.me.username),
        h('span', { class: 'me-status muted' }, custom || label))),
      canAsk ? h('button', { type: 'button', class: 'link small', 'aria-label': 'Enable notifications', title: 'Enable notifications',
        onclick: () => Notification.requestPermission().then(() => this.render()) }, '🔔') : null,
      h('button', { type: 'button', class: 'link', 'aria-label': 'Log out', onclick: () => chat.app.logout() }, 'Log out'));
  }

  /** A small dialog: the four statuses and a custom status text (Esc closes it). */
  openMenu() {
    const error = h('div', { class: 'form-error', role: 'alert' });
    const text = h('input', { type: 'text', class: 'invite-link', maxlength: 128, 'aria-label': 'Custom status',
      placeholder: "What's happening?", value: this.settings.custom_status?.text || '' });
    const save = async body => {
      try {
        await patch('/users/@me/settings', body);
        this.settings = { ...this.settings, ...body };
        this.render();
        dialog.close();
      } catch (e) {
        error.textContent = e.errors?.[0]?.message || e.message;
      }
    };
    const dialog = h('dialog', { class: 'status-dialog', 'aria-label': 'Set status' },
      h('h2', {}, 'Set status'),
      h('div', { class: 'status-options', role: 'group', 'aria-label': 'Status' }, STATUSES.map(([key, label]) => h('button', {
        type: 'button', class: 'status-option' + (this.settings.status === key ? ' active' : ''),
        'aria-pressed': this.settings.status === key ? 'true' : 'false', onclick: () => save({ status: key }),
      }, h('span', { class: 'presence ' + (key === 'invisible' ? 'offline' : key) }), ' ', label))),
      h('form', { class: 'custom-status', 'aria-label': 'Custom status', onsubmit: e => {
        e.preventDefault();
        const value = text.value.trim();
        save({ custom_status: value ? { text: value } : null });
      } }, h('label', { class: 'muted' }, 'Custom status'), text, error,
      h('div', { class: 'actions' },
        h('button', { type: 'button', 'aria-label': 'Clear custom status', onclick: () => save({ custom_status: null }) }, 'Clear'),
        h('button', { type: 'submit', class: 'primary', 'aria-label': 'Save custom status' }, 'Save'))));
    dialog.addEventListener('close', () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
  }
}
