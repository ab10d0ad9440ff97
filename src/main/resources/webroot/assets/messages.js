// One text channel: history (older pages on scroll up), live messages, typing, the composer.
import { del, get, patch, post, put } from './api.js';
import { compareIds, fill, formatTime, h } from './dom.js';
import { render } from './markdown.js';
import { Composer } from './composer.js';
import { customEmoji } from './mentions.js';
import { attachmentElement, sendWithFiles } from './attachments.js';
import { directory } from './directory.js';
import { openEmojiPicker } from './emoji.js';
import { embedElement, stickerElement } from './embeds.js';
import { SearchBox } from './search.js';

const PAGE = 50;
const GROUP_MS = 7 * 60 * 1000;
const QUICK_REACTIONS = ['👍', '❤️', '😂', '🎉'];

export class MessageView {
  constructor(chat, channel) {
    this.chat = chat;
    this.channel = channel;
    this.messages = [];
    this.complete = false;
    this.loading = false;
    this.typing = new Map();
    this.list = h('ol', { class: 'messages', 'aria-label': 'Messages in ' + channel.name, 'aria-live': 'polite' });
    this.scroller = h('div', { class: 'scroller' }, h('div', { class: 'history-start', hidden: true }), this.list);
    this.typingLine = h('div', { class: 'typing', 'aria-live': 'polite' });
    this.composer = new Composer(this);
    this.search = new SearchBox(this);
    this.presentButton = h('button', { type: 'button', class: 'jump-present', hidden: true,
      'aria-label': 'Jump to present', onclick: () => this.jumpToPresent() }, 'Viewing older messages — Jump to present');
    const mark = channel.mark || '#'; // '@' for a DM
    const searchable = mark === '#'; // message search is per guild
    this.el = h('section', { class: 'channel-view', 'aria-label': mark + channel.name },
      h('header', { class: 'channel-header' }, h('h2', {}, mark + ' ', channel.name),
        channel.topic ? h('span', { class: 'topic' }, channel.topic) : null, searchable ? this.search.el : null),
      searchable ? this.search.results : null, this.scroller, this.presentButton, this.typingLine, this.composer.el);
    this.el.addEventListener('dragover', e => {
      if (e.dataTransfer?.types.includes('Files')) {
        e.preventDefault();
        this.el.classList.add('dropping');
      }
    });
    this.el.addEventListener('dragleave', e => { if (e.target === this.el || !this.el.contains(e.relatedTarget)) this.el.classList.remove('dropping'); });
    this.el.addEventListener('drop', e => {
      this.el.classList.remove('dropping');
      const files = [...(e.dataTransfer?.files || [])];
      if (files.length) {
        e.preventDefault();
        this.composer.addFiles(files);
      }
    });
    this.scroller.addEventListener('scroll', () => {
      this.stuck = this.scroller.scrollHeight - this.scroller.scrollTop - this.scroller.clientHeight < 80;
      if (this.scroller.scrollTop < 200) this.loadOlder();
    });
    // an image that loads after the render grows the list: one reading the newest stays at the bottom
    this.list.addEventListener('load', () => { if (this.stuck) this.scrollToBottom(); }, true);
  }

  async start() {
    this.typingTimer = setInterval(() => this.renderTyping(), 1000);
    await this.loadOlder();
    this.composer.focus();
    const jump = this.chat.pendingJump;
    this.chat.pendingJump = null;
    if (jump) await this.jumpTo(jump);
  }

  stop() {
    clearInterval(this.typingTimer);
    this.stopped = true;
  }

  get me() {
    return this.chat.me;
  }

  async loadOlder() {
    if (this.loading || this.complete) return;
    this.loading = true;
    const oldest = this.messages[0]?.id;
    try {
      const page = await get(`/channels/${this.channel.id}/messages?limit=${PAGE}` + (oldest ? '&before=' + oldest : ''));
      if (this.stopped) return;
      this.complete = page.length < PAGE;
      const height = this.scroller.scrollHeight;
      const atTop = oldest !== undefined;
      page.forEach(m => this.upsert(m, false));
      this.render();
      if (atTop) this.scroller.scrollTop += this.scroller.scrollHeight - height;
      else this.scrollToBottom();
      this.scroller.firstChild.hidden = !this.complete;
      this.scroller.firstChild.textContent = 'This is the beginning of ' + (this.channel.mark || '#') + this.channel.name;
    } catch (e) {
      // access lost without an event telling us: the channel list is read again
      if (e.status === 403 || e.status === 404) this.chat.refreshChannels(this.chat.guildId);
      else this.chat.showBanner('Could not load messages: ' + e.message, 5000);
    } finally {
      this.loading = false;
    }
    // a short first page may leave nothing to scroll: keep reading until there is
    if (!this.complete && this.scroller.scrollHeight <= this.scroller.clientHeight) this.loadOlder();
  }

  /** After a new gateway session: what arrived meanwhile is read again. */
  async refetch() {
    const page = await get(`/channels/${this.channel.id}/messages?limit=${PAGE}`);
    // pages come newest first; messages deleted while away are dropped where the fresh page covers
    const oldest = page[page.length - 1]?.id;
    const ids = new Set(page.map(m => m.id));
    this.messages = this.messages.filter(m => ids.has(m.id) || (oldest && compareIds(m.id, oldest) < 0));
    page.forEach(m => this.upsert(m, false));
    this.render(true);
  }

  upsert(message, live) {
    // MESSAGE_CREATE names the message replied to without carrying it: quote it from what is loaded
    const ref = message.message_reference?.message_id;
    if (ref && !message.referenced_message) {
      const quoted = this.find(ref);
      if (quoted) message.referenced_message = quoted;
    }
    const index = this.messages.findIndex(m => m.id === message.id);
    if (index >= 0) this.messages[index] = { ...this.messages[index], ...message };
    else {
      this.messages.push(message);
      this.messages.sort((a, b) => compareIds(a.id, b.id));
    }
    if (live) this.typing.delete(message.author?.id);
  }

  find(id) {
    return this.messages.find(m => m.id === id);
  }

  onDispatch(t, d) {
    if (d?.channel_id !== this.channel.id) return;
    if (t === 'MESSAGE_CREATE' && this.detached) {
      this.presentButton.classList.add('news');
    } else if (t === 'MESSAGE_CREATE') {
      this.upsert(d, true);
      this.render(true);
      this.renderTyping();
    } else if (t === 'MESSAGE_UPDATE' && this.find(d.id)) {
      this.upsert(d, false);
      this.render();
    } else if (t === 'MESSAGE_DELETE') {
      this.messages = this.messages.filter(m => m.id !== d.id);
      this.render();
    } else if (t === 'MESSAGE_REACTION_ADD' || t === 'MESSAGE_REACTION_REMOVE') {
      this.reacted(d, t === 'MESSAGE_REACTION_ADD');
    } else if (t === 'TYPING_START' && d.user_id !== this.me.id) {
      this.typing.set(d.user_id, { until: Date.now() + 10000, name: d.member?.nick || d.member?.user?.username });
      this.renderTyping();
    }
  }

  reacted({ message_id, user_id, emoji }, added) {
    const message = this.find(message_id);
    if (!message) return;
    const reactions = message.reactions = message.reactions || [];
    const key = emojiKey(emoji);
    let reaction = reactions.find(r => emojiKey(r.emoji) === key);
    const mine = user_id === this.me.id;
    if (added) {
      if (!reaction) reactions.push(reaction = { emoji, count: 0, me: false });
      reaction.count++;
      if (mine) reaction.me = true;
    } else if (reaction) {
      reaction.count--;
      if (mine) reaction.me = false;
      if (reaction.count <= 0) reactions.splice(reactions.indexOf(reaction), 1);
    }
    this.render();
  }

  async toggleReaction(message, emoji) {
    const reaction = message.reactions?.find(r => emojiKey(r.emoji) === emoji);
    const path = `/channels/${this.channel.id}/messages/${message.id}/reactions/${encodeURIComponent(emoji)}/@me`;
    try {
      if (reaction?.me) await del(path);
      else await put(path);
    } catch (e) {
      this.chat.showBanner(e.message, 5000);
    }
  }

  send(content, replyTo) {
    const body = { content, nonce: String(Date.now()) + Math.floor(Math.random() * 1000) };
    if (replyTo) body.message_reference = { message_id: replyTo.id };
    return post(`/channels/${this.channel.id}/messages`, body).then(m => {
      if (this.detached) return this.jumpToPresent();
      this.upsert(m, true);
      this.render(true);
    });
  }

  sendFiles(content, files, replyTo, onProgress) {
    const body = { content, nonce: String(Date.now()) + Math.floor(Math.random() * 1000) };
    if (replyTo) body.message_reference = { message_id: replyTo.id };
    return sendWithFiles(this.channel.id, body, files, onProgress).then(m => {
      if (this.detached) return this.jumpToPresent();
      this.upsert(m, true);
      this.render(true);
    });
  }

  /** Shows the history around one message (a search hit), scrolled to it and highlighted. */
  async jumpTo(id) {
    const page = await get(`/channels/${this.channel.id}/messages?limit=${PAGE}&around=${id}`);
    if (this.stopped) return;
    this.messages = [];
    page.forEach(m => this.upsert(m, false));
    this.complete = false;
    const newest = await get(`/channels/${this.channel.id}/messages?limit=1`);
    this.detached = !!newest[0] && !this.find(newest[0].id);
    this.presentButton.hidden = !this.detached;
    this.presentButton.classList.remove('news');
    // kept as state: the list is rebuilt on each change (an older page loading, a reaction)
    this.highlighted = id;
    this.render();
    this.list.querySelector(`li[data-id="${id}"]`)?.scrollIntoView({ block: 'center' });
    clearTimeout(this.highlightTimer);
    this.highlightTimer = setTimeout(() => {
      this.highlighted = null;
      this.list.querySelector(`li[data-id="${id}"]`)?.classList.remove('highlight');
    }, 5000);
  }

  async jumpToPresent() {
    this.detached = false;
    this.presentButton.hidden = true;
    this.messages = [];
    this.complete = false;
    await this.loadOlder();
    this.scrollToBottom();
  }

  edit(message, content) {
    return patch(`/channels/${this.channel.id}/messages/${message.id}`, { content }).then(m => {
      this.upsert(m, false);
      this.render();
    });
  }

  async remove(message) {
    if (!confirm('Delete this message?')) return;
    try {
      await del(`/channels/${this.channel.id}/messages/${message.id}`);
      this.messages = this.messages.filter(m => m.id !== message.id);
      this.render();
    } catch (e) {
      this.chat.showBanner(e.message, 5000);
    }
  }

  startTyping() {
    const now = Date.now();
    if (now - (this.typingSent || 0) < 8000) return;
    this.typingSent = now;
    post(`/channels/${this.channel.id}/typing`).catch(() => null);
  }

  lastOwn() {
    return [...this.messages].reverse().find(m => m.author?.id === this.me.id);
  }

  scrollToBottom() {
    this.scroller.scrollTop = this.scroller.scrollHeight;
  }

  render(stickToBottom = false) {
    const nearBottom = this.scroller.scrollHeight - this.scroller.scrollTop - this.scroller.clientHeight < 80;
    let previous = null;
    fill(this.list, ...this.messages.map(m => {
      const grouped = previous && !m.message_reference && previous.author?.id === m.author?.id
        && Date.parse(m.timestamp) - Date.parse(previous.timestamp) < GROUP_MS;
      previous = m;
      return this.messageElement(m, grouped);
    }));
    if (nearBottom || stickToBottom) this.scrollToBottom();
    this.stuck = nearBottom || stickToBottom;
  }

  messageElement(m, grouped) {
    const own = m.author?.id === this.me.id;
    const author = this.chat.memberName(m.author?.id, m.author?.global_name || m.author?.username);
    const time = h('time', { datetime: m.timestamp, title: new Date(m.timestamp).toLocaleString() }, formatTime(m.timestamp));
    const actions = h('div', { class: 'actions', role: 'toolbar', 'aria-label': 'Message actions' },
      QUICK_REACTIONS.map(e => h('button', { type: 'button', 'aria-label': 'React with ' + e,
        onclick: () => this.toggleReaction(m, e) }, e)),
      h('button', { type: 'button', 'aria-label': 'Add reaction', title: 'Add reaction',
        onclick: e => openEmojiPicker(e.currentTarget, ({ reaction }) => this.toggleReaction(m, reaction)) }, '☺+'),
      h('button', { type: 'button', 'aria-label': 'Reply', onclick: () => this.composer.reply(m) }, 'Reply'),
      own ? h('button', { type: 'button', 'aria-label': 'Edit', onclick: () => this.composer.edit(m) }, 'Edit') : null,
      h('button', { type: 'button', 'aria-label': 'Delete', class: 'danger', onclick: () => this.remove(m) }, 'Delete'));
    const mentioned = (directory.mentionsMe(m) ? ' mentioned' : '') + (m.id === this.highlighted ? ' highlight' : '');
    return h('li', { class: 'message' + (grouped ? ' grouped' : '') + (own ? ' own' : '') + mentioned, 'data-id': m.id },
      m.message_reference ? this.replyPreview(this.find(m.message_reference.message_id) || m.referenced_message) : null,
      grouped ? null : h('div', { class: 'meta' }, h('span', { class: 'author' }, author), time),
      h('div', { class: 'content' }, render(m.content || ''),
        m.edited_timestamp ? h('span', { class: 'edited', title: new Date(m.edited_timestamp).toLocaleString() }, ' (edited)') : null),
      (m.attachments || []).map(attachmentElement),
      (m.sticker_items || m.stickers || []).map(stickerElement),
      (m.embeds || []).map(embedElement),
      m.reactions?.length ? h('div', { class: 'reactions' }, m.reactions.map(r => h('button', {
        type: 'button', class: 'reaction' + (r.me ? ' me' : ''), 'aria-pressed': r.me ? 'true' : 'false',
        'aria-label': `${r.emoji.name} ${r.count}`, onclick: () => this.toggleReaction(m, emojiKey(r.emoji)),
      }, r.emoji.id ? customEmoji(r.emoji.name, r.emoji.id, r.emoji.animated) : r.emoji.name,
      h('span', { class: 'count' }, String(r.count))))) : null,
      actions);
  }

  replyPreview(ref) {
    if (!ref) return h('div', { class: 'reply-preview muted' }, '↪ Original message was deleted or is not loaded');
    const name = this.chat.memberName(ref.author?.id, ref.author?.username);
    const jump = () => this.jumpTo(ref.id);
    return h('div', { class: 'reply-preview', role: 'button', tabindex: '0', 'aria-label': 'Jump to the message replied to, by ' + name,
      onclick: jump, onkeydown: e => { if (e.key === 'Enter') jump(); } },
      h('span', { class: 'reply-author' }, '↪ ', name), ' ',
      h('span', { class: 'reply-text' }, (ref.content || '').slice(0, 120)));
  }

  renderTyping() {
    const now = Date.now();
    for (const [id, t] of this.typing) if (t.until < now) this.typing.delete(id);
    const names = [...this.typing].map(([id, t]) => this.chat.memberName(id, t.name));
    this.typingLine.textContent = !names.length ? ''
      : names.length === 1 ? `${names[0]} is typing…`
        : names.length <= 3 ? `${names.join(', ')} are typing…` : 'Several people are typing…';
  }
}

function emojiKey(emoji) {
  return emoji.id ? `${emoji.name}:${emoji.id}` : emoji.name;
}
