// The kinds of visit whose first frames decide what stays in app.wasm
// (first_frame_profile.mjs records each; tests/web/light_page.test.mjs checks
// that none of them loads app.deferred.wasm before its first frame). Each has
// Playwright context options and what localStorage holds when the page opens.

// Where remembered tokens point in the returning visit: a closed port on this
// computer, so their check fails at once and nothing leaves the machine.
const kNowhere = 'http://127.0.0.1:9';
const remembered = (token) => JSON.stringify({ v: 1, token, api: kNowhere, created_here: false });
const keptReport = (id, phase) => ({ v: 1, id, scope: 'sandbox', type: 'devices', start: '2026-06-01',
  end: '2026-06-30', requested_at: 1780000000000, phase, message: 'kept from an earlier visit' });

export const kVisits = [
  // A first visit on a laptop: nothing stored, the system's light theme.
  { name: 'desktop', context: { viewport: { width: 1280, height: 800 } } },
  // A first visit on a phone: the narrow layout, touch, a dense screen.
  { name: 'phone', context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true } },
  // Someone back: saved settings (dark theme, own API addresses), both tokens
  // remembered, reports kept from earlier visits.
  { name: 'returning', context: { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2, colorScheme: 'dark' },
    storage: {
      'usagedesk.settings': JSON.stringify({ version: 1, particle_base_url: kNowhere, activeplatform_base_url: kNowhere,
        theme: 'dark' }),
      'usagedesk.particle.token': remembered('0123456789abcdef0123456789abcdef01234567'),
      'usagedesk.activeplatform.token': remembered('profile-run-token'),
      'usagedesk.particle.reports': JSON.stringify({ v: 1,
        reports: [keptReport('41', 'failed'), keptReport('42', 'expired')] }),
    } },
];
