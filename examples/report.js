// Drives the embedded atlas from a scrolling report through the iframe API (docs/iframe-api.md).
// An external file, not an inline script, so the page works under a strict Content-Security-Policy.
// The atlas lives next to this page: ../index.html in the build (dist/examples/report.html).
const atlasUrl = new URL('../index.html', location.href);
atlasUrl.search = new URLSearchParams({ embed: '1', origin: location.origin }).toString();
atlasUrl.hash = 'map=3.6/33/100';
const frame = document.getElementById('atlas');
const log = document.getElementById('log');
frame.src = atlasUrl.href;

let ready = false;
const pending = [];
function send(message) {
  if (!ready) return pending.push(message);
  frame.contentWindow.postMessage(message, atlasUrl.origin);
}
function note(text) {
  log.textContent += text + '\n';
  log.scrollTop = log.scrollHeight;
}
window.addEventListener('message', (e) => {
  // Trust only the atlas frame, from the atlas's origin.
  if (e.source !== frame.contentWindow || e.origin !== atlasUrl.origin) return;
  const m = e.data;
  if (!m || typeof m.type !== 'string' || !m.type.startsWith('corridor-atlas:')) return;
  if (m.type === 'corridor-atlas:ready') {
    ready = true;
    document.body.dataset.atlasReady = 'true';
    pending.splice(0).forEach(send);
  }
  if (m.type === 'corridor-atlas:selection') document.body.dataset.atlasSelection = m.feature ?? '';
  const detail = 'feature' in m ? m.feature : (m.view ?? m.message);
  note(`${m.type.slice(15)} ${JSON.stringify(detail)}`);
});

function show(section) {
  document.querySelectorAll('section.active').forEach((s) => s.classList.remove('active'));
  section.classList.add('active');
  if (!ready) pending.length = 0; // only the latest section matters once the atlas is ready
  const { feature, view, filters } = section.dataset;
  if (feature) send({ type: 'corridor-atlas:select', feature });
  else {
    send({ type: 'corridor-atlas:select', feature: null });
    send({ type: 'corridor-atlas:set-filters', filters: filters ? JSON.parse(filters) : {} });
    if (view) send({ type: 'corridor-atlas:set-view', view: JSON.parse(view) });
  }
}
const observer = new IntersectionObserver(
  (entries) => entries.filter((e) => e.isIntersecting).forEach((e) => show(e.target)),
  { rootMargin: '-45% 0px -45% 0px' },
);
document.querySelectorAll('section').forEach((s) => observer.observe(s));
