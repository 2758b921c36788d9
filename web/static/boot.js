// Starts the app. Kept in its own file so the page's Content-Security-Policy can forbid inline
// scripts. The .wasm is fetched from this origin only.
import init from './ulo-web.js';

const loading = document.getElementById('loading');
init().then(() => {
  if (loading) loading.remove();
}).catch((err) => {
  if (loading) loading.textContent = 'ulo could not start in this browser: ' + err;
});

// Works offline after the first visit (see sw.js). Failing to register only loses that.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('sw.js').catch(() => {});
}
