// The client's entry point: routes by path and hands each page its view.
import { post, session } from './api.js';
import { inviteView, loginView, registerView } from './auth.js';
import { Chat } from './chat.js';
import { h } from './dom.js';

const root = document.getElementById('root');
let chat = null;

const app = {
  navigate(path, replace = false) {
    if (replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
    route();
  },

  routeLink(path, label, className) {
    return h('a', {
      href: path, class: className,
      onclick: event => {
        if (event.button !== 0 || event.ctrlKey || event.metaKey) return;
        event.preventDefault();
        app.navigate(path);
      },
    }, label);
  },

  async logout() {
    try {
      await post('/auth/logout');
    } catch {
      // the token is forgotten here either way
    }
    session.token = null;
    app.navigate('/login');
  },
};

function show(view) {
  root.className = '';
  root.replaceChildren(view);
}

function route() {
  const { pathname, search } = location;
  const next = new URLSearchParams(search).get('next');
  const safeNext = next && next.startsWith('/') && !next.startsWith('//') ? next : null;
  const invite = /^\/invite\/([\w-]+)$/.exec(pathname);
  if (invite) {
    stopChat();
    show(inviteView(app, invite[1]));
    document.title = 'Invite · Parley';
    return;
  }
  if (!session.token || pathname === '/login' || pathname === '/register') {
    stopChat();
    if (session.token) return app.navigate(safeNext || '/channels/@me', true);
    show(pathname === '/register' ? registerView(app, safeNext) : loginView(app, safeNext));
    if (pathname !== '/login' && pathname !== '/register') history.replaceState(null, '', '/login');
    document.title = (pathname === '/register' ? 'Register' : 'Log in') + ' · Parley';
    return;
  }
  const parts = /^\/channels\/([^/]+)(?:\/(\d+))?/.exec(pathname);
  if (!chat) {
    chat = new Chat(app, session.token);
    show(chat.el);
    chat.start();
  }
  // /channels/@me alone is the first server (as before DMs); /channels/@me/friends or /@me/{dm} is the DM home
  const home = pathname.startsWith('/channels/@me/');
  chat.open(parts?.[1] === '@me' ? (home ? '@me' : null) : parts?.[1] || null, parts?.[2] || null);
}

function stopChat() {
  chat?.stop();
  chat = null;
}

app.unauthorized = () => {
  stopChat();
  session.token = null;
  app.navigate('/login', true);
};

window.addEventListener('popstate', route);
route();
