#!/usr/bin/env python3
"""Serves a folder on 127.0.0.1 for development and tests, with .wasm as
application/wasm and no caching (so a rebuilt page is always fresh)."""
import argparse
import functools
import http.server


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript"}

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, fmt, *args):  # quiet: tests read the app, not the access log
        pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default="dist")
    ap.add_argument("--port", type=int, default=8080)
    args = ap.parse_args()
    handler = functools.partial(Handler, directory=args.dir)
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as srv:
        print(f"UsageDesk at http://127.0.0.1:{args.port}/", flush=True)
        srv.serve_forever()


if __name__ == "__main__":
    main()
