// Log in, register, and the invite page (which also works before one has an account).
import { ApiError, get, post, session } from './api.js';
import { fill, h } from './dom.js';

function field(name, label, type, autocomplete) {
  const input = h('input', { id: 'f-' + name, name, type, autocomplete, required: true, 'aria-describedby': 'e-' + name });
  const error = h('div', { id: 'e-' + name, class: 'field-error', role: 'alert' });
  return { name, input, error, el: h('div', { class: 'field' }, h('label', { for: 'f-' + name }, label), input, error) };
}

/** A form whose API errors land next to the field they name (INVALID_FORM_BODY errors[].path). */
function form(title, fields, submitLabel, submit, footer) {
  const general = h('div', { class: 'form-error', role: 'alert' });
  const button = h('button', { type: 'submit', class: 'primary' }, submitLabel);
  const el = h('form', { class: 'auth-card', 'aria-label': title, novalidate: true },
    h('h1', {}, title), ...fields.map(f => f.el), general, button, footer);
  el.addEventListener('submit', async event => {
    event.preventDefault();
    fields.forEach(f => { f.error.textContent = ''; f.input.removeAttribute('aria-invalid'); });
    general.textContent = '';
    button.disabled = true;
    try {
      await submit(Object.fromEntries(fields.map(f => [f.name, f.input.value])));
    } catch (e) {
      let placed = false;
      if (e instanceof ApiError) {
        for (const f of fields) {
          const message = e.fieldError(f.name);
          if (message) {
            f.error.textContent = message;
            f.input.setAttribute('aria-invalid', 'true');
            placed = true;
          }
        }
      }
      if (!placed) general.textContent = e.message;
    } finally {
      button.disabled = false;
    }
  });
  return h('div', { class: 'auth-page' }, el);
}

export function loginView(app, next) {
  const fields = [field('login', 'Email or username', 'text', 'username'),
    field('password', 'Password', 'password', 'current-password')];
  return form('Welcome back', fields, 'Log in', async values => {
    const reply = await post('/auth/login', values);
    session.token = reply.token;
    app.navigate(next || '/channels/@me');
  }, h('p', {}, 'Need an account? ', app.routeLink('/register' + (next ? '?next=' + encodeURIComponent(next) : ''),
    'Register')));
}

export function registerView(app, next) {
  const fields = [field('username', 'Username', 'text', 'username'), field('email', 'Email', 'email', 'email'),
    field('password', 'Password', 'password', 'new-password')];
  return form('Create an account', fields, 'Register', async values => {
    const reply = await post('/auth/register', values);
    session.token = reply.token;
    app.navigate(next || '/channels/@me');
  }, h('p', {}, 'Already have an account? ', app.routeLink('/login' + (next ? '?next=' + encodeURIComponent(next) : ''),
    'Log in')));
}

export function inviteView(app, code) {
  const card = h('div', { class: 'auth-card', role: 'region', 'aria-label': 'Invite' }, h('p', {}, 'Loading invite…'));
  get('/invites/' + encodeURIComponent(code)).then(invite => {
    const here = '/invite/' + code;
    const name = invite.guild?.name || 'a server';
    const error = h('div', { class: 'form-error', role: 'alert' });
    const actions = session.token
      ? [h('button', {
        class: 'primary', type: 'button', 'aria-label': 'Accept invite',
        onclick: async () => {
          try {
            await post('/invites/' + encodeURIComponent(code));
            app.navigate('/channels/' + invite.guild.id + (invite.channel ? '/' + invite.channel.id : ''));
          } catch (e) {
            error.textContent = e.message;
          }
        },
      }, 'Accept invite')]
      : [app.routeLink('/register?next=' + encodeURIComponent(here), 'Register to join', 'button primary'),
        app.routeLink('/login?next=' + encodeURIComponent(here), 'I have an account', 'button')];
    fill(card, h('p', { class: 'muted' }, "You've been invited to join"), h('h1', {}, name),
      invite.channel ? h('p', { class: 'muted' }, '#' + invite.channel.name) : null, error, ...actions);
  }, e => {
    fill(card, h('h1', {}, 'Invite invalid'), h('p', {}, e instanceof ApiError && e.status === 404
      ? 'This invite may be expired, or you might not have permission to join.' : e.message),
    app.routeLink('/', 'Go to Parley', 'button'));
  });
  return h('div', { class: 'auth-page' }, card);
}
