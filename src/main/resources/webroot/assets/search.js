// Message search in the channel header: GET /guilds/{g}/messages/search (202 while the index is
// built: retried after its retry_after), hits with their channel, author and time; a click jumps there.
import { get } from './api.js';
import { fill, formatTime, h } from './dom.js';
import { directory } from './directory.js';

export class SearchBox {
  constructor(view) {
    this.view = view;
    this.input = h('input', { type: 'search', class: 'search-input', placeholder: 'Search', 'aria-label': 'Search messages' });
    this.el = h('form', { class: 'search', role: 'search', onsubmit: e => { e.preventDefault(); this.run(); } }, this.input);
    this.results = h('section', { class: 'search-results', 'aria-label': 'Search results', hidden: true });
    this.input.addEventListener('keydown', e => { if (e.key === 'Escape') this.close(); });
    this.results.addEventListener('keydown', e => { if (e.key === 'Escape') { this.close(); this.input.focus(); } });
  }

  close() {
    this.results.hidden = true;
    this.input.value = '';
  }

  async run(attempt = 0) {
    const query = this.input.value.trim();
    if (!query) return this.close();
    const params = new URLSearchParams();
    // from:ID narrows to one author, in:#channel is the open channel
    for (const word of query.split(/\s+/)) {
      const from = /^from:<?@?!?(\d+)>?$/.exec(word);
      if (from) params.append('author_id', from[1]);
      else if (word === 'in:here') params.append('channel_id', this.view.channel.id);
      else if (/^has:\w+$/.test(word)) params.append('has', word.slice(4));
      else params.append('content', word);
    }
    if (params.has('content')) params.set('content', params.getAll('content').join(' '));
    this.show(h('p', { class: 'muted' }, 'Searching…'));
    try {
      const reply = await getSearch(`/guilds/${directory.guildId}/messages/search?${params}`);
      if (reply.pending) {
        if (attempt > 10) return this.show(h('p', { class: 'muted' }, 'The search index is still being built; try again soon.'));
        this.show(h('p', { class: 'muted' }, 'Indexing… retrying'));
        setTimeout(() => this.run(attempt + 1), Math.min(reply.retryAfter || 2, 10) * 1000);
        return;
      }
      const hits = (reply.messages || []).map(group => group.find(m => m.hit) || group[0]).filter(Boolean);
      this.show(h('h3', {}, `${reply.total_results} result${reply.total_results === 1 ? '' : 's'}`),
        h('button', { type: 'button', class: 'link close-search', 'aria-label': 'Close search', onclick: () => this.close() }, '✕'),
        h('ol', {}, hits.map(m => this.hit(m))));
    } catch (e) {
      this.show(h('p', { class: 'form-error' }, e.fieldError?.('content') || e.message));
    }
  }

  hit(m) {
    const channel = directory.channel(m.channel_id);
    const open = () => this.open(m);
    return h('li', {}, h('button', { type: 'button', class: 'search-hit', 'data-id': m.id, onclick: open },
      h('span', { class: 'meta' }, h('span', { class: 'author' }, directory.userName(m.author?.id) || m.author?.username),
        ' in #', channel?.name || 'channel', ' · ', formatTime(m.timestamp)),
      h('span', { class: 'hit-text' }, (m.content || '').slice(0, 200))));
  }

  async open(m) {
    this.results.hidden = true;
    const chat = directory.chat;
    if (m.channel_id !== this.view.channel.id) {
      chat.pendingJump = m.id;
      chat.app.navigate('/channels/' + directory.guildId + '/' + m.channel_id);
      return;
    }
    await this.view.jumpTo(m.id);
  }

  show(...children) {
    fill(this.results, ...children);
    this.results.hidden = false;
  }
}

async function getSearch(path) {
  // the API helper treats 202 as success: its body tells the index is not ready
  const reply = await get(path);
  if (reply?.code === 'SEARCH_INDEX_NOT_READY') return { pending: true, retryAfter: reply.retry_after };
  return reply;
}
