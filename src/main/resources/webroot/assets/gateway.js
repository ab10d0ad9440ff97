// One gateway connection per tab: HELLO, heartbeats, IDENTIFY, RESUME after a drop.
import { get } from './api.js';

const INTENTS = (1 << 0) | (1 << 1) | (1 << 8) | (1 << 9) | (1 << 10) | (1 << 11) | (1 << 12) | (1 << 13)
  | (1 << 14) | (1 << 15);
// Close codes after which resuming or identifying again cannot help.
const TERMINAL = new Set([4004, 4010, 4011, 4012, 4013, 4014]);

export class Gateway extends EventTarget {
  constructor(token) {
    super();
    this.token = token;
    this.seq = null;
    this.sessionId = null;
    this.resumeUrl = null;
    this.attempt = 0;
    this.stopped = false;
    this.identified = false;
  }

  async start() {
    this.baseUrl = (await get('/gateway')).url;
    this.open();
  }

  stop() {
    this.stopped = true;
    clearInterval(this.heartbeat);
    clearTimeout(this.retry);
    this.ws?.close(1000);
  }

  open() {
    const base = this.sessionId && this.resumeUrl ? this.resumeUrl : this.baseUrl;
    const ws = new WebSocket(base.replace(/\/$/, '') + '?v=10&encoding=json');
    this.ws = ws;
    ws.onmessage = event => this.receive(JSON.parse(event.data));
    ws.onclose = event => this.closed(ws, event.code);
  }

  send(op, d) {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify({ op, d }));
  }

  receive(payload) {
    switch (payload.op) {
      case 10: return this.hello(payload.d.heartbeat_interval);
      case 11: this.acked = true; return;
      case 1: return this.send(1, this.seq);
      case 7: return this.ws.close(4000);
      case 9: return this.invalidSession(payload.d === true);
      case 0: return this.dispatch(payload);
    }
  }

  hello(interval) {
    clearInterval(this.heartbeat);
    this.acked = true;
    this.heartbeat = setInterval(() => {
      if (!this.acked) return this.ws.close(4000);
      this.acked = false;
      this.send(1, this.seq);
    }, interval);
    if (this.sessionId) this.send(6, { token: this.token, session_id: this.sessionId, seq: this.seq });
    else this.identify();
  }

  identify() {
    this.send(2, {
      token: this.token, intents: INTENTS,
      properties: { os: navigator.platform || 'web', browser: 'Parley web', device: 'Parley web' },
    });
  }

  invalidSession(resumable) {
    if (resumable) return this.ws.close(4000);
    // The server no longer has what we missed: start afresh; READY then tells the app to refetch.
    this.sessionId = null;
    this.seq = null;
    setTimeout(() => this.identify(), 1000 + Math.random() * 2000);
  }

  dispatch({ t, s, d }) {
    if (s !== null && s !== undefined) this.seq = s;
    if (t === 'READY') {
      this.sessionId = d.session_id;
      this.resumeUrl = d.resume_gateway_url || null;
      this.attempt = 0;
      this.emit('state', { connected: true, resumed: false, fresh: !this.identified });
      this.identified = true;
    } else if (t === 'RESUMED') {
      this.attempt = 0;
      this.emit('state', { connected: true, resumed: true });
    }
    this.emit('dispatch', { t, d });
  }

  closed(ws, code) {
    if (ws !== this.ws) return;
    clearInterval(this.heartbeat);
    if (this.stopped) return;
    if (TERMINAL.has(code)) {
      this.emit('fatal', { code });
      return;
    }
    this.emit('state', { connected: false });
    const delay = Math.min(1000 * 2 ** this.attempt, 10000) * (0.5 + Math.random() / 2);
    this.attempt++;
    this.retry = setTimeout(() => this.open(), delay);
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
