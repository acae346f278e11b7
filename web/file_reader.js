// Reads slices of a File for the page (web/usagedesk.js, feedFile) off its
// main thread, and hands each back as a transferred ArrayBuffer: the next
// slice is read here while the page parses the last one (read on the main
// thread, a slice waited for the parse to finish).
onmessage = async (e) => {
  const { id, file, start, end } = e.data;
  try {
    const buf = await file.slice(start, end).arrayBuffer();
    postMessage({ id, buf }, [buf]);
  } catch (err) {
    postMessage({ id, error: { name: err && err.name, message: String(err && err.message || err) } });
  }
};
