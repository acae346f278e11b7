// Page glue for UsageDesk: the Emscripten Module (canvas, loading screen),
// clipboard paste, canvas resizing, the file picker and drop target,
// announcements (live regions, the hidden tab's title, notifications), the real
// <input>s over the app's text fields, and the test hook (window.usagedesk)
// that browser tests use to find widgets.
'use strict';
(function () {
  const canvas = document.getElementById('canvas');
  const fill = document.getElementById('loading-fill');
  const text = document.getElementById('loading-text');

  // app.wasm holds only the code the page runs up to its first frame; the rest
  // is app.deferred.wasm (scripts/split-wasm.sh), fetched and compiled once the
  // first frame is drawn. Until it is in, each of its functions is a
  // placeholder import: calling one (a click in the first moments) builds it
  // at once from the bytes if they are here, or fetches them synchronously.
  // A service worker does not answer synchronous requests, so a page it
  // controls (offline perhaps) reads the bytes from its cache at the start.
  const deferred = {
    url: 'app.deferred.wasm',
    split: false, primary: null, instance: null, bytes: null, loading: null,
    fetchBytes() {
      if (!this.loading) {
        this.loading = fetch(this.url).then((r) => {
          if (!r.ok) throw new Error(this.url + ': HTTP ' + r.status);
          return r.arrayBuffer();
        }).then((bytes) => { this.bytes = bytes; return bytes; });
        this.loading.catch((e) => {  // tried again when needed
          this.loading = null;
          console.warn('UsageDesk: ' + (e && e.message || e) + '; loading it when needed');
        });
      }
      return this.loading;
    },
    instantiate(module) {  // the deferred functions take their places in the shared function table
      if (!this.instance) this.instance = new WebAssembly.Instance(module, { primary: this.primary });
      this.bytes = null;
    },
    load() {  // after the first frame; settles when the part is in, or its fetch failed
      if (!this.split || this.instance) return Promise.resolve();
      return this.fetchBytes().then((bytes) => WebAssembly.compile(bytes)).then((module) => this.instantiate(module), () => {});
    },
    loadNow() {
      if (this.instance) return;
      if (this.bytes) {
        this.instantiate(new WebAssembly.Module(this.bytes));
        return;
      }
      const xhr = new XMLHttpRequest();  // bytes through a synchronous request: the x-user-defined charset
      xhr.open('GET', this.url, false);
      xhr.overrideMimeType('text/plain; charset=x-user-defined');
      xhr.send();
      if (xhr.status !== 200) throw new Error(this.url + ': HTTP ' + xhr.status);
      const text = xhr.responseText, bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; ++i) bytes[i] = text.charCodeAt(i) & 0xff;
      this.instantiate(new WebAssembly.Module(bytes));
    },
    placeholders: new Proxy({}, {
      get: (_, index) => (...args) => {
        try {
          deferred.loadNow();
        } catch (e) {
          window.Module.onAbort('part of the app did not load (' + (e && e.message || e) + '); reload the page');
          throw e;
        }
        const table = Object.values(deferred.primary).find((x) => x instanceof WebAssembly.Table);
        return table.get(Number(index))(...args);
      },
    }),
  };
  if (navigator.serviceWorker && navigator.serviceWorker.controller) deferred.fetchBytes();

  let loadSteps = 0;
  window.Module = {
    canvas,
    print: (s) => console.log(s),
    printErr: (s) => console.warn(s),
    // The loading bar follows Emscripten's run dependencies. No setStatus: with
    // one, Emscripten starts main() from a timer after the WASM is ready.
    monitorRunDependencies: (left) => {
      loadSteps = Math.max(loadSteps, left);
      fill.style.width = (loadSteps ? 100 * (loadSteps - left) / loadSteps : 100) + '%';
    },
    // The module boot.js compiled while it downloaded.
    instantiateWasm: (imports, done) => {
      imports.placeholder = deferred.placeholders;
      // Under a service worker the deferred part comes from its cache, at no
      // cost to the download: it is built before main() runs.
      const cachedDeferred = deferred.loading ? deferred.loading.then((bytes) => WebAssembly.compile(bytes))
        .catch(() => null) : null;
      window.usagedeskWasm
        .then((module) => WebAssembly.instantiate(module, imports).then((instance) => [instance, module]))
        .then(([instance, module]) => Promise.resolve(cachedDeferred).then((deferredModule) => {
          deferred.split = WebAssembly.Module.imports(module).some((i) => i.module === 'placeholder');
          deferred.primary = instance.exports;
          if (deferred.split && deferredModule) deferred.instantiate(deferredModule);
          return [instance, module];
        }))
        .then(([instance, module]) => done(instance, module),  // done runs main(): its errors are its own
          (e) => window.Module.onAbort('the WASM did not load (' + (e && e.message || e) + ')'));
      return {};  // asynchronous
    },
    onAbort: (what) => { text.textContent = 'UsageDesk stopped: ' + what; document.body.classList.remove('ready'); },
  };

  const call = (name, ...args) => (window.Module && Module['_' + name]) ? Module['_' + name](...args) : undefined;
  // Every _malloc is checked: with the heap full it returns 0, and writing there
  // would corrupt memory. Out of memory, the call is skipped (returns undefined).
  const withString = (s, fn) => {
    const n = lengthBytesUTF8(s) + 1, p = Module._malloc(n);
    if (!p) return undefined;
    stringToUTF8(s, p, n);
    try { return fn(p); } finally { Module._free(p); }
  };

  // Paste: SDL swallows Ctrl/Cmd+V's keydown (it prevents the default for Ctrl
  // keys), and then the browser never fires 'paste'. Stop SDL from seeing that
  // one key so the browser pastes, and hand the text to the app.
  window.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && (e.key === 'v' || e.key === 'V')) e.stopImmediatePropagation();
  }, true);
  document.addEventListener('paste', (e) => {
    const s = (e.clipboardData || window.clipboardData).getData('text');
    if (s && window.usagedeskGlue.isReady) withString(s, (p) => call('ud_on_paste', p));
    e.preventDefault();
  });

  // A Content-Security-Policy violation is a bug: said on the console, where every browser test looks.
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'} (${e.sourceFile}:${e.lineNumber})`);
  });
  // Another tab of the page saved reports: this one merges them in (fires only in the other tabs).
  window.addEventListener('storage', (e) => {
    if (window.usagedeskGlue.isReady && (e.key === null || e.key.startsWith('usagedesk.'))) call('ud_on_storage');
  });
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());  // no inline handler: the CSP forbids them

  // Browser zoom changes the ratio with the size: the ratio first, so the
  // canvas is sized once at the new one.
  const resize = () => {
    if (!window.usagedeskGlue.isReady) return;
    call('ud_on_pixel_ratio', window.devicePixelRatio || 1);
    call('ud_on_resize', window.innerWidth, window.innerHeight);
  };
  window.addEventListener('resize', resize);
  // devicePixelRatio (zoom, a screen with another density) changes without a
  // resize too: a query for the current ratio stops matching; then watch the new one.
  function watchPixelRatio() {
    if (!window.matchMedia) return;
    matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`).addEventListener('change', () => {
      resize();
      watchPixelRatio();
    }, { once: true });
  }
  if (window.matchMedia) {
    // The system colour scheme changed: the app switches its theme (unless Settings chose one).
    const dark = matchMedia('(prefers-color-scheme: dark)');
    dark.addEventListener('change', () => { if (window.usagedeskGlue.isReady) call('ud_on_theme', dark.matches ? 1 : 0); });
  }

  // Files: picker and drop both stream the file into the app's CSV reader,
  // which builds the table as the bytes come; the text is never kept (the
  // table is the only copy). 16 MB reads, the next one read while this one is
  // parsed, copied into the heap 1 MB at a time: a 16 MB heap buffer cost its
  // 4,096 page faults (about 50 ms here) at the first copy, and a 1M-row load
  // took 680 ms with it against 625 ms without. The page draws a frame (progress bar) at
  // most every kFrameEveryMs, not after every chunk: a frame costs more than
  // parsing a chunk. lastFileLoad() gives the times (bench, tests).
  const fileInput = document.getElementById('file-input');
  const kChunk = 16 << 20;
  const kHeapPiece = 1 << 20;  // a slice goes into the heap and to the reader this much at a time
  const kFirstChunk = 1 << 20;  // the parse starts after a short read; the next one is read meanwhile
  const kFrameEveryMs = 250;
  // The next animation frame, or 100 ms when none comes: a hidden tab gets no
  // frames, and its load must go on.
  const nextFrame = () => new Promise((r) => {
    const t = setTimeout(r, 100);
    requestAnimationFrame(() => { clearTimeout(t); setTimeout(r, 0); });
  });
  // While a read is pending the page maps the heap the load will write
  // (ud_prepare_step; a 1M-row load 705 ms without, 655 ms with), a step at a
  // time with a task boundary between steps, so the read's answer is taken as
  // soon as it comes. A MessageChannel message, not a timer: nested timers
  // wait at least 4 ms.
  const kPrepareBytes = 256 << 10;  // 64 pages: under 1 ms on the 2-core build machine
  let yieldChannel = null;  // made at the first file
  const yielded = [];
  const nextTask = () => new Promise((r) => {
    if (!yieldChannel) {
      yieldChannel = new MessageChannel();
      yieldChannel.port1.onmessage = () => yielded.shift()();
    }
    yielded.push(r);
    yieldChannel.port2.postMessage(0);
  });
  async function whileWaiting(promise, step) {
    let settled = false;
    promise.then(() => { settled = true; }, () => { settled = true; });
    while (!settled && step()) await nextTask();
    return promise;
  }
  // Slices are read by a worker (file_reader.js), so the reading goes on while
  // this thread parses; where no worker can run, here. The worker is started
  // when the picker opens (or at a drop), and the first slice is read here: a
  // worker's start-up is not on the way to the first parse.
  let reader = null, readerBroken = false, nextReadId = 1;
  const reads = new Map();  // id -> { resolve, reject, direct }
  function startReader() {
    if (reader || readerBroken) return;
    try {
      reader = new Worker('file_reader.js');
      reader.onmessage = (e) => {
        const r = reads.get(e.data.id);
        if (!r) return;
        reads.delete(e.data.id);
        if (e.data.error) r.reject(Object.assign(new Error(e.data.error.message), { name: e.data.error.name }));
        else r.resolve(e.data.buf);
      };
      reader.onerror = (e) => {  // the worker itself failed (not a read): read here from now on
        e.preventDefault();
        readerBroken = true;
        reader = null;
        for (const r of reads.values()) r.direct().then(r.resolve, r.reject);
        reads.clear();
      };
    } catch (e) {
      readerBroken = true;
      reader = null;
    }
  }
  function readSlice(file, start, end) {
    const direct = () => file.slice(start, end).arrayBuffer();
    if (!reader) return direct();
    return new Promise((resolve, reject) => {
      const id = nextReadId++;
      reads.set(id, { resolve, reject, direct });
      reader.postMessage({ id, file, start, end });
    });
  }
  // Why a file could not be read, for the viewer's message.
  const readFailure = (e) => e && e.name === 'NotReadableError'
    ? 'it changed or went away while it was being read'
    : 'the browser could not read it (' + ((e && (e.name || e.message)) || 'unknown error') + ')';

  let lastFile = null, lastLoad = null, loading = false;
  async function feedFile(file) {
    if (loading) return;  // one load at a time; a second drop waits for the user
    loading = true;
    const start = performance.now();
    const load = { name: file.name, bytes: file.size, chunks: 0, frames: 0, parse_ms: 0, read_wait_ms: 0 };
    const timed = (fn) => { const t = performance.now(); const r = fn(); load.parse_ms += performance.now() - t; return r; };
    let buf = 0;
    try {
      // The size goes first, as a number (exact past 2 GiB): a file the page cannot
      // hold is refused with its size and the limit before a byte is read.
      if (withString(file.name, (p) => timed(() => call('ud_on_file_start', p, file.size))) !== 1) return;
      lastFile = file;  // keep/skip streams it again (the page keeps no copy of its text)
      const cap = Math.max(1, Math.min(kHeapPiece, file.size));
      buf = Module._malloc(cap) >>> 0;  // >>> 0: heap addresses above 2 GB
      if (!buf) {
        withString('the page ran out of memory', (m) => call('ud_on_file_abort', m));
        return;
      }
      startReader();
      const sliceEnd = (off) => Math.min(file.size, off + (off === 0 ? kFirstChunk : kChunk));
      let next = file.slice(0, sliceEnd(0)).arrayBuffer();
      let lastFrame = performance.now();
      const prepare = () => call('ud_prepare_step', kPrepareBytes) === 1;
      for (let off = 0; off < file.size; off = sliceEnd(off)) {
        const waitStart = performance.now();
        const bytes = new Uint8Array(await whileWaiting(next, prepare));
        load.read_wait_ms += performance.now() - waitStart;
        const end = sliceEnd(off);
        if (end < file.size) next = readSlice(file, end, sliceEnd(end));
        for (let at = 0; at < bytes.length; at += cap) {
          const piece = bytes.subarray(at, at + cap);
          HEAPU8.set(piece, buf);
          timed(() => call('ud_on_file_chunk', buf, piece.length));
        }
        ++load.chunks;
        if (performance.now() - lastFrame >= kFrameEveryMs) {
          call('ud_draw_progress');  // the app draws no frame per chunk: this is the progress bar's
          await nextFrame();
          ++load.frames;
          lastFrame = performance.now();
        }
      }
      withString(file.name, (p) => timed(() => call('ud_on_file_end', p, file.size)));
      await nextFrame();  // the table drawn
      load.total_ms = performance.now() - start;
      lastLoad = load;
    } catch (e) {
      // A read failed (the file was changed, moved or deleted after it was
      // chosen): the app drops the half-read table, says why, keeps what it showed.
      withString(readFailure(e), (m) => call('ud_on_file_abort', m));
    } finally {
      if (buf) Module._free(buf);
      loading = false;
    }
  }
  fileInput.addEventListener('change', () => { if (fileInput.files[0]) feedFile(fileInput.files[0]); fileInput.value = ''; });
  canvas.addEventListener('dragover', (e) => e.preventDefault());
  canvas.addEventListener('drop', (e) => {
    e.preventDefault();
    const f = e.dataTransfer && e.dataTransfer.files[0];
    if (f) feedFile(f);
  });

  // Announcements from the app (src/app/announcer.h): the live regions keep the
  // last few lines; a report ready while the tab is hidden marks the title until
  // the tab is seen, and a notification names the report when the person asked.
  const kTitle = document.title;
  const kKeepLines = 4;
  function sayInLiveRegion(text, urgent) {
    const region = document.getElementById(urgent ? 'announce-urgent' : 'announce-polite');
    const line = document.createElement('p');
    line.textContent = text;
    region.appendChild(line);
    while (region.childElementCount > kKeepLines) region.firstElementChild.remove();
  }
  function showNotification(text) {
    if (!('Notification' in window) || Notification.permission !== 'granted') return;
    try {
      new Notification('Report ready · UsageDesk', { body: text, icon: 'favicon.svg', tag: 'usagedesk-report' });
    } catch (e) { /* some browsers show notifications only from a service worker */ }
  }
  // Seen again: the title is plain, and the page draws what changed while it was
  // hidden (a hidden tab gets no animation frames; the app ran on timers meanwhile).
  document.addEventListener('visibilitychange', () => {
    if (document.hidden) return;
    document.title = kTitle;
    if (window.usagedeskGlue.isReady) call('ud_wake');
  });

  // Offline: sw.js (beside this page, so any folder works) caches the page's
  // own files. A changed build installs beside the running one; the page offers
  // to reload, and the reload lets the new worker take over first.
  const updateBanner = document.getElementById('update-ready');
  let updateAccepted = false;
  function offerUpdate(worker) {
    if (!navigator.serviceWorker.controller || !worker) return;  // a first install is not an update
    updateBanner.hidden = false;
    sayInLiveRegion('A new version of UsageDesk is ready: reload to use it.', false);
    document.getElementById('update-reload').onclick = () => { updateAccepted = true; worker.postMessage('skip-waiting'); };
  }
  function registerServiceWorker() {
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker.addEventListener('controllerchange', () => { if (updateAccepted) location.reload(); });
    navigator.serviceWorker.register('sw.js').then((reg) => {
      if (reg.waiting) offerUpdate(reg.waiting);
      reg.addEventListener('updatefound', () => {
        const worker = reg.installing;
        worker.addEventListener('statechange', () => { if (worker.state === 'installed') offerUpdate(worker); });
      });
    }).catch((e) => console.warn('UsageDesk works online only here: ' + e.message));
  }
  // Online or not (navigator.onLine): the API panels say they are offline at once.
  const reportNetwork = () => { if (window.usagedeskGlue.isReady) call('ud_on_network', navigator.onLine ? 1 : 0); };
  window.addEventListener('online', reportNetwork);
  window.addEventListener('offline', reportNetwork);

  // Real inputs over ImGui's text fields (ui/widgets.cpp textField). The app
  // sends the fields it drew when they change; each gets an invisible <input>
  // over it in one <form>, so password managers see a login form (autocomplete
  // names), a tap opens the touch keyboard, and input methods compose into a
  // real input. Typed keys still reach the app through SDL, which cancels their
  // default, so an input changes by itself only through autofill, a touch
  // keyboard or composition: that text goes back to the app.
  const fieldForm = document.getElementById('text-fields');
  let lastTextFields = [];    // as the app last sent them (the test hook reads them)
  fieldForm.addEventListener('submit', (e) => e.preventDefault());  // Enter is the app's; never navigate
  const mirrors = new Map();  // field name -> <input>
  let appActive = null;       // the input of the field the app edits, as of the last sync
  let composing = false;
  let keyForSdl = false;      // a key SDL handles is down: what it does to an input is SDL's to type
  window.addEventListener('keydown', (e) => {
    keyForSdl = e.keyCode !== 229 && !['Unidentified', 'Process', 'Dead'].includes(e.key);
  }, true);
  window.addEventListener('keyup', () => { keyForSdl = false; }, true);
  // The app's text of each field, kept in script memory: a data attribute would put
  // a password or token into the DOM's markup (outerHTML, devtools, extensions).
  const appTexts = new WeakMap();
  const appText = (input) => appTexts.get(input) || '';
  function makeMirror(name) {
    const input = document.createElement('input');
    input.name = name;
    input.className = 'text-mirror';
    input.spellcheck = false;
    input.autocapitalize = 'off';
    input.addEventListener('focus', () => {
      if (input !== appActive) withString(name, (n) => call('ud_on_field_focus', n));
    });
    input.addEventListener('compositionstart', () => { composing = true; });
    input.addEventListener('compositionend', (e) => {
      composing = false;
      if (e.data) withString(e.data, (t) => call('ud_on_text_input', t));  // typed at the field's cursor
      input.value = appText(input);
    });
    input.addEventListener('input', (e) => {
      if (composing || e.isComposing || e.inputType === 'insertCompositionText') return;
      if (keyForSdl && e.inputType !== 'insertReplacementText') {  // SDL typed that key already
        input.value = appText(input);
        return;
      }
      appTexts.set(input, input.value);
      withString(name, (n) => withString(input.value, (t) => call('ud_on_field_text', n, t)));
    });
    fieldForm.appendChild(input);
    return input;
  }
  function placeTextInputs(fields) {
    const drawn = new Set();
    let active = null;
    for (const f of fields) {
      drawn.add(f.name);
      const input = mirrors.get(f.name) || makeMirror(f.name);
      mirrors.set(f.name, input);
      const type = f.password ? 'password' : 'text';
      if (input.type !== type) input.type = type;
      input.autocomplete = f.autocomplete;
      input.inputMode = { 'username': 'email', 'one-time-code': 'numeric' }[f.autocomplete] || 'text';
      input.setAttribute('aria-label', f.label);
      Object.assign(input.style, { left: f.x + 'px', top: f.y + 'px', width: f.w + 'px', height: f.h + 'px' });
      appTexts.set(input, f.text);
      if (!composing && input.value !== f.text) input.value = f.text;
      if (f.active) active = input;
    }
    for (const [name, input] of mirrors) {
      if (drawn.has(name)) continue;
      if (document.activeElement === input) canvas.focus({ preventScroll: true });
      input.remove();
      mirrors.delete(name);
    }
    const was = appActive;
    appActive = active;
    if (active && document.activeElement !== active) active.focus({ preventScroll: true });
    else if (!active && was && document.activeElement === was) canvas.focus({ preventScroll: true });
  }
  // A tap on a field focuses its input inside the touch gesture, which is what
  // opens the on-screen keyboard; the app also gets the tap (SDL) and edits the field.
  // A finger that moved scrolled (ui/touch_gestures.h): no keyboard then.
  let touchStart = null;
  canvas.addEventListener('touchstart', (e) => {
    const t = e.changedTouches[0];
    if (t && e.touches.length === 1) touchStart = { x: t.clientX, y: t.clientY };
  });
  canvas.addEventListener('touchend', (e) => {
    const t = e.changedTouches[0];
    const start = touchStart;
    touchStart = null;
    if (!t || !start || Math.hypot(t.clientX - start.x, t.clientY - start.y) > 8) return;
    for (const input of mirrors.values()) {
      const r = input.getBoundingClientRect();
      if (t.clientX >= r.left && t.clientX < r.right && t.clientY >= r.top && t.clientY < r.bottom) {
        input.focus({ preventScroll: true });
        return;
      }
    }
  });

  window.usagedeskGlue = {
    isReady: false,
    syncTextFields(fields) {
      lastTextFields = fields;
      placeTextInputs(fields);
    },
    announce(text, urgent, reportReady, notify) {
      sayInLiveRegion(text, urgent);
      if (reportReady && document.hidden) document.title = 'Report ready · ' + kTitle;
      if (notify && (document.hidden || !document.hasFocus())) showNotification(text);
    },
    askNotificationPermission() {
      if ('Notification' in window && Notification.permission === 'default') Notification.requestPermission();
    },
    ready() {
      this.isReady = true;
      document.body.classList.add('ready');
      resize();
      watchPixelRatio();
      reportNetwork();
      canvas.focus();
      // Once the first frame (requested by main() after this) is drawn: the
      // deferred code, then the service worker, whose install downloads every
      // file (before the first frame it cost that frame ~50 ms on a 2-core
      // machine: bench/web/page_load.mjs). A hidden tab draws no frames, so
      // also after a second.
      let started = false;
      const afterFirstFrame = () => {
        if (started) return;
        started = true;
        deferred.load().finally(registerServiceWorker);
      };
      requestAnimationFrame(() => setTimeout(afterFirstFrame));
      setTimeout(afterFirstFrame, 1000);
    },
    openFilePicker(accept) { fileInput.accept = accept || ''; fileInput.click(); startReader(); },
    resendLastFile() { if (lastFile) feedFile(lastFile); },
  };

  // Test hook: state and widget rectangles (CSS pixels) from the last frame.
  window.usagedesk = {
    ready: () => window.usagedeskGlue.isReady,
    state: () => JSON.parse(UTF8ToString(call('ud_test_state'))),
    widgets: () => JSON.parse(UTF8ToString(call('ud_test_widgets'))),
    frames: () => call('ud_frame_count'),
    // Whether app.deferred.wasm is in (always true for a page not split in two).
    deferredLoaded: () => !deferred.split || deferred.instance !== null,
    // The last file load: total_ms from the pick to the table's first frame,
    // parse_ms inside the app's reader, read_wait_ms waiting for the disk.
    lastFileLoad: () => lastLoad,
    fontPixelRatio: () => call('ud_font_pixel_ratio'),
    // The text fields as the app last drew them, with their text; a password
    // field's text only as whether it has any (secrets never in the hook).
    textFields: () => lastTextFields.map((f) => (f.password ? { ...f, text: f.text !== '' } : f)),
  };
})();
