// Files: sent as multipart (payload_json + files[n]) through XMLHttpRequest for its upload progress;
// shown in messages as image previews at their own aspect ratio, or as a download link.
import { ApiError, session } from './api.js';
import { h, link } from './dom.js';

const IMAGE = /\.(png|jpe?g|gif|webp)$/i;
const MAX_W = 400, MAX_H = 300;

/** POSTs a message with files; onProgress(fraction) as the body goes out. */
export function sendWithFiles(channelId, payload, files, onProgress) {
  const form = new FormData();
  payload.attachments = files.map((f, i) => ({ id: i, filename: f.name }));
  form.append('payload_json', JSON.stringify(payload));
  files.forEach((f, i) => form.append(`files[${i}]`, f, f.name));
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v10/channels/${channelId}/messages`);
    if (session.token) xhr.setRequestHeader('Authorization', session.token);
    xhr.upload.addEventListener('progress', e => { if (e.lengthComputable) onProgress(e.loaded / e.total); });
    xhr.addEventListener('load', () => {
      let json = null;
      try { json = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json);
      else reject(new ApiError(xhr.status, json));
    });
    xhr.addEventListener('error', () => reject(new Error('Upload failed: network error')));
    xhr.send(form);
  });
}

export function formatSize(bytes) {
  if (bytes < 1024) return bytes + ' B';
  if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + ' KB';
  return (bytes / 1024 / 1024).toFixed(1) + ' MB';
}

/** Sizes a box to width×height scaled into the bounds; its height follows the aspect ratio. */
function fit(box, width, height) {
  const scale = Math.min(1, MAX_W / width, MAX_H / height);
  box.style.width = Math.round(width * scale) + 'px';
  box.style.aspectRatio = `${width} / ${height}`;
}

export function attachmentElement(a) {
  const isImage = (a.content_type || '').startsWith('image/') ? /^image\/(png|jpeg|gif|webp)$/.test(a.content_type)
    : IMAGE.test(a.filename || '');
  if (!isImage) {
    return h('div', { class: 'attachment file' }, h('span', { class: 'file-icon', 'aria-hidden': 'true' }, '📄'),
      link(a.url, a.filename), h('span', { class: 'muted file-size' }, ' ', formatSize(a.size || 0)));
  }
  const img = h('img', { src: a.url, alt: a.description || a.filename, class: 'attachment-image' });
  const box = link(a.url, img);
  box.classList?.add('attachment', 'image');
  if (a.width && a.height) fit(box, a.width, a.height);
  else img.addEventListener('load', () => fit(box, img.naturalWidth, img.naturalHeight), { once: true });
  return box;
}
