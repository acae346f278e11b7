// Runs in <head>, before the page is first drawn. A file of its own: the
// Content-Security-Policy allows no inline script.
'use strict';
// The theme chosen in Settings (the app keeps its settings in localStorage,
// src/app/settings.cpp), so a dark-theme person gets no light flash while the
// app loads; without a choice usagedesk.css follows prefers-color-scheme.
try {
  const theme = JSON.parse(localStorage.getItem('usagedesk.settings') || '{}').theme;
  if (theme === 'light' || theme === 'dark') {
    document.documentElement.dataset.theme = theme;
    // The browser's own bar too (the theme-color tags above follow the system's scheme).
    for (const meta of document.querySelectorAll('meta[name="theme-color"]'))
      meta.content = theme === 'dark' ? '#0f0f10' : '#f7f7f9';
  }
} catch (e) { /* storage blocked, or not JSON: the system's scheme */ }

// The WASM, compiled while it downloads (streaming) from here on, beside the
// HTML, the CSS and app.js; app.js instantiates the compiled module
// (Module.instantiateWasm in usagedesk.js). The fetch matches index.html's
// preload, so the file comes over the wire once. A server that sends the file
// without the application/wasm type makes streaming refuse it: then the whole
// file is compiled once it is in.
window.usagedeskWasm = (() => {
  const whole = () => fetch('app.wasm').then((r) => {
    if (!r.ok) throw new Error('app.wasm: HTTP ' + r.status);
    return r.arrayBuffer();
  }).then((bytes) => WebAssembly.compile(bytes));
  if (typeof WebAssembly !== 'object') return Promise.reject(new Error('this browser has no WebAssembly'));
  if (!WebAssembly.compileStreaming) return whole();
  return WebAssembly.compileStreaming(fetch('app.wasm')).catch(whole);
})();
// Kept for app.js; a failure here is reported there, not as an unhandled rejection.
window.usagedeskWasm.catch(() => {});
