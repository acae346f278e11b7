// Before the page is first drawn: the theme chosen in Settings (the app keeps
// its settings in localStorage, src/app/settings.cpp), so a dark-theme person
// gets no light flash while the app loads; without a choice usagedesk.css
// follows prefers-color-scheme. A file of its own in <head>: the
// Content-Security-Policy allows no inline script, and this must run before
// the body is drawn.
'use strict';
try {
  const theme = JSON.parse(localStorage.getItem('usagedesk.settings') || '{}').theme;
  if (theme === 'light' || theme === 'dark') {
    document.documentElement.dataset.theme = theme;
    // The browser's own bar too (the theme-color tags above follow the system's scheme).
    for (const meta of document.querySelectorAll('meta[name="theme-color"]'))
      meta.content = theme === 'dark' ? '#0f0f10' : '#f7f7f9';
  }
} catch (e) { /* storage blocked, or not JSON: the system's scheme */ }
