// The browser benchmark's page side (issues 6 and 7): every contender runs in
// this one page on the same bytes, one after the other, best of N runs.
//   CSV:        UsageDesk typed parse (WASM, bytes already in the heap) vs
//               PapaParse (dynamicTyping) and uDSV (typedCols) on the same text
//               as a JS string, a newline scan in WASM (the floor), Perspective.
//   Table ops:  sort, filter, group-by on the loaded 1M-row table (timed in WASM).
//   DuckDB:     DuckDB-WASM (eh build, in its worker) loads the same CSV into
//               a table and runs the same group-bys (CREATE TEMP TABLE AS, so
//               the result stays inside, as UsageDesk's does).
//   Analytics:  UsageDesk's scanner into typed columns vs JSON.parse plus
//               building the same columns in JS.
//   Scale:      report CSVs of 10k..10M rows handed to run.mjs as files, which
//               it opens in the app page through the file picker.
// run.mjs calls the steps through window.usagedeskBench and prints the table.
/* global Module, HEAPU8, Papa, uDSV */

const now = () => performance.now();
const log = (line) => { document.getElementById('log').textContent += '\n' + line; };

async function bestOf(runs, work) {
  let best = Infinity, result;
  for (let i = 0; i < runs; ++i) {
    const start = now();
    result = await work();
    best = Math.min(best, now() - start);
    await new Promise((r) => setTimeout(r, 0));  // let the collector run between runs
  }
  return { ms: best, result };
}

// Copies `bytes` into the WASM heap; the caller frees the pointer.
function toHeap(bytes) {
  const p = Module._malloc(bytes.length) >>> 0;
  HEAPU8.set(bytes, p);
  return p;
}

// Takes the last generated text out of the heap (and frees it there).
function takeGenerated(ptr) {
  ptr >>>= 0;  // heap addresses above 2 GB
  const n = Module._ud_bench_generated_size();
  const bytes = HEAPU8.slice(ptr, ptr + n);
  Module._ud_bench_drop_generated();
  return bytes;
}

// A report CSV of `rows` rows, POSTed to run.mjs as bench/results/<name>
// straight from the heap in 64 MB pieces (a 10M-row file is about 730 MB;
// one request body that size crashed the page).
async function saveReport(rows, name) {
  const ptr = Module._ud_bench_generate_csv(rows, 0) >>> 0;
  const n = Module._ud_bench_generated_size();
  const kPiece = 64 << 20;
  for (let at = 0; at === 0 || at < n; at += kPiece) {
    await fetch('/save/' + name + (at ? '?append' : ''), { method: 'POST',
      body: HEAPU8.slice(ptr + at, ptr + Math.min(n, at + kPiece)) });
  }
  Module._ud_bench_drop_generated();
  return n;
}

let duck = null;
async function duckdb() {
  if (duck) return duck;
  const base = new URL('./node_modules/@duckdb/duckdb-wasm/dist/', location.href).href;
  const m = await import(base + 'duckdb-browser.mjs');
  const db = new m.AsyncDuckDB(new m.VoidLogger(), new Worker(base + 'duckdb-browser-eh.worker.js'));
  await db.instantiate(base + 'duckdb-eh.wasm');
  duck = { db, conn: await db.connect(), version: await db.getVersion() };
  return duck;
}

// The group-bys of ud_bench_group, in SQL: by device; month x product; date x device.
const kDuckGroups = {
  group_device: 'SELECT device_id, count(*) AS n, sum(data_operations) AS s, avg(data_operations) AS a, max(data_operations) AS m FROM t GROUP BY device_id',
  group_month_product: "SELECT date_trunc('month', date) AS month, product_name, count(*) AS n, sum(data_operations) AS s, avg(data_operations) AS a, max(data_operations) AS m FROM t GROUP BY 1, 2",
  group_date_device: 'SELECT date, device_id, count(*) AS n, sum(data_operations) AS s, avg(data_operations) AS a, max(data_operations) AS m FROM t GROUP BY 1, 2',
};

// DuckDB-WASM on the same bytes: load (file buffer into its worker + CREATE
// TABLE from read_csv with type detection), and with `groups`, the group-bys.
async function duckCsv(bytes, runs, groups) {
  const { db, conn, version } = await duckdb();
  const out = { version };
  let best = Infinity, rows = 0;
  for (let i = 0; i < runs; ++i) {
    await conn.query('DROP TABLE IF EXISTS t');
    await db.dropFile('report.csv').catch(() => {});
    const copy = bytes.slice();  // registerFileBuffer hands its buffer over to the worker
    const start = now();
    await db.registerFileBuffer('report.csv', copy);
    await conn.query("CREATE TABLE t AS SELECT * FROM read_csv('report.csv')");
    best = Math.min(best, now() - start);
    rows = Number((await conn.query('SELECT count(*) AS n FROM t')).toArray()[0].n);
  }
  out.load = { ms: best, rows };
  if (groups) {
    for (const [name, sql] of Object.entries(kDuckGroups)) {
      const g = await bestOf(3, async () => {
        await conn.query('DROP TABLE IF EXISTS g');
        await conn.query('CREATE TEMP TABLE g AS ' + sql);
      });
      out[name] = { ms: g.ms, rows: Number((await conn.query('SELECT count(*) AS n FROM g')).toArray()[0].n) };
    }
    await conn.query('DROP TABLE IF EXISTS g');
  }
  await conn.query('DROP TABLE IF EXISTS t');
  await db.dropFile('report.csv').catch(() => {});
  return out;
}

let perspectiveClient = null;
async function perspective() {
  if (perspectiveClient) return perspectiveClient;
  const dist = './node_modules/@finos/perspective/dist/';
  const psp = (await import(dist + 'cdn/perspective.js')).default;
  psp.init_server(fetch(dist + 'wasm/perspective-server.wasm'));
  psp.init_client(fetch(dist + 'wasm/perspective-js.wasm'));
  perspectiveClient = await psp.worker();
  return perspectiveClient;
}

// One CSV size: generate, then time each contender. `spec` = { label, rows } or { label, bytes }.
async function csv(spec) {
  const runs = spec.runs || 3;
  const bytes = takeGenerated(Module._ud_bench_generate_csv(spec.rows || 0, spec.bytes || 0));
  if (spec.save) await fetch('/save/' + spec.save, { method: 'POST', body: bytes });
  const out = { label: spec.label, bytes: bytes.length, runs };
  const decode = await bestOf(1, () => new TextDecoder().decode(bytes));
  const text = decode.result;
  out.decode_ms = decode.ms;

  Module._ud_bench_drop_table();
  const heapBefore = Module._ud_bench_heap_in_use();
  const p = toHeap(bytes);
  const scan = await bestOf(runs, () => Module._ud_bench_newline_scan(p, bytes.length));
  out.scan = { ms: scan.ms, lines: scan.result };
  const ud = await bestOf(runs, () => Module._ud_bench_parse_csv(p, bytes.length));
  out.usagedesk = { ms: ud.ms, rows: ud.result };
  Module._free(p);
  out.heap = { table_live: Module._ud_bench_heap_in_use() - heapBefore, table_bytes: Module._ud_bench_table_bytes(),
    memory: Module._ud_bench_memory_size() };
  log(`${spec.label}: UsageDesk ${ud.ms.toFixed(1)} ms`);

  const papa = await bestOf(runs, () => Papa.parse(text, { dynamicTyping: true, skipEmptyLines: true }).data.length - 1);
  out.papaparse = { ms: papa.ms, rows: papa.result };
  log(`${spec.label}: PapaParse ${papa.ms.toFixed(1)} ms`);
  const udsv = await bestOf(runs, () => {
    const parser = uDSV.initParser(uDSV.inferSchema(text));
    return parser.typedCols(text)[0].length;
  });
  out.udsv = { ms: udsv.ms, rows: udsv.result };
  log(`${spec.label}: uDSV ${udsv.ms.toFixed(1)} ms`);

  if (spec.duckdb) {
    try {
      out.duckdb = await duckCsv(bytes, Math.min(runs, 3), spec.save !== undefined);
    } catch (e) {
      out.duckdb = { error: String(e && e.message || e) };
    }
    log(`${spec.label}: DuckDB ${JSON.stringify(out.duckdb)}`);
  }
  if (spec.perspective) {
    try {
      const client = await perspective();
      const psp = await bestOf(Math.min(runs, 2), async () => {
        const table = await client.table(text);
        const rows = await table.size();
        await table.delete();
        return rows;
      });
      out.perspective = { ms: psp.ms, rows: psp.result };
    } catch (e) {
      out.perspective = { error: String(e && e.message || e) };
    }
    log(`${spec.label}: Perspective ${JSON.stringify(out.perspective)}`);
  }
  return out;
}

// Sort / filter / group-by on the table the last csv() step loaded.
function ops(runs = 3) {
  const best = (fn, which) => {
    let ms = Infinity;
    for (let i = 0; i < runs; ++i) ms = Math.min(ms, fn(which));
    return { ms, rows: Module._ud_bench_last_rows() };
  };
  return {
    sort_number: best(Module._ud_bench_sort, 0),
    sort_text: best(Module._ud_bench_sort, 1),
    sort_two_keys: best(Module._ud_bench_sort, 2),
    filter_columns: best(Module._ud_bench_filter, 0),
    filter_search: best(Module._ud_bench_filter, 1),
    group_device: best(Module._ud_bench_group, 0),
    group_month_product: best(Module._ud_bench_group, 1),
    group_date_device: best(Module._ud_bench_group, 2),
  };
}

// JSON.parse plus the same typed columns the WASM parser builds: one array
// per export header (strings; numbers as float64; dates as days since 1970),
// then item keys no header names (tags joined with "; ").
function columnsFromJson(text) {
  const sub = JSON.parse(text).subscription;
  const headers = sub.export_headers || [];
  const items = sub.items;
  const n = items.length;
  const cols = headers.map((h) => ({ key: h.key, type: h.type,
    values: h.type === 'number' ? new Float64Array(n) : h.type === 'date' ? new Int32Array(n) : new Array(n) }));
  const named = new Set(headers.map((h) => h.key));
  const extra = new Map();
  for (let i = 0; i < n; ++i) {
    const item = items[i];
    for (const c of cols) {
      const v = item[c.key];
      if (c.type === 'number') c.values[i] = v === undefined || v === null ? NaN : Number(v);
      else if (c.type === 'date') c.values[i] = v ? Date.parse(v) / 86400000 : -2147483648;
      else c.values[i] = v === undefined || v === null ? '' : String(v);
    }
    for (const k in item) {
      if (named.has(k)) continue;
      let col = extra.get(k);
      if (!col) extra.set(k, col = new Array(n).fill(''));
      const v = item[k];
      col[i] = Array.isArray(v) ? v.join('; ') : String(v);
    }
  }
  return n;
}

async function analytics(megabytes = 50, runs = 3) {
  const bytes = takeGenerated(Module._ud_bench_generate_analytics(megabytes * 1e6));
  const text = new TextDecoder().decode(bytes);
  const p = toHeap(bytes);
  // One uncounted run each first: V8 runs new WebAssembly on its baseline
  // compiler and tiers a function up only for its next call (no on-stack
  // replacement), so a first parse measures the compiler, not the parser.
  Module._ud_bench_parse_analytics(p, bytes.length);
  const ud = await bestOf(runs, () => Module._ud_bench_parse_analytics(p, bytes.length));
  Module._free(p);
  JSON.parse(text);
  const jsonOnly = await bestOf(runs, () => JSON.parse(text).subscription.items.length);
  columnsFromJson(text);
  const js = await bestOf(runs, () => columnsFromJson(text));
  log(`analytics: UsageDesk ${ud.ms.toFixed(1)} ms, JSON.parse+columns ${js.ms.toFixed(1)} ms`);
  return { bytes: bytes.length, runs, usagedesk: { ms: ud.ms, rows: ud.result },
    json_parse: { ms: jsonOnly.ms, rows: jsonOnly.result }, json_columns: { ms: js.ms, rows: js.result } };
}

async function ready() {
  while (!window.benchWasmReady) await new Promise((r) => setTimeout(r, 20));
  return { userAgent: navigator.userAgent, cores: navigator.hardwareConcurrency };
}

window.usagedeskBench = { ready, csv, ops, analytics, saveReport };
log('ready');
