#!/usr/bin/env python3
"""tests/lib/receiver.py - a callback receiver for judge serve's tests.

Usage: receiver.py DIR [FAIL_FIRST]
Listens on a free loopback port (written to DIR/port), answers every POST
to any path: 500 for the first FAIL_FIRST requests (default 0), then 200.
Each request body is saved as DIR/NNN.json (in arrival order) with its
path and status in DIR/NNN.meta.
"""
import http.server
import os
import sys

out = sys.argv[1]
fail_first = int(sys.argv[2]) if len(sys.argv) > 2 else 0
count = 0


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        global count
        count += 1
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        status = 500 if count <= fail_first else 200
        with open(os.path.join(out, "%03d.json" % count), "wb") as f:
            f.write(body)
        with open(os.path.join(out, "%03d.meta" % count), "w") as f:
            f.write("%s %d %s\n" % (self.path, status, self.headers.get("Content-Type")))
        self.send_response(status)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


srv = http.server.HTTPServer(("127.0.0.1", 0), Handler)
with open(os.path.join(out, "port.tmp"), "w") as f:
    f.write(str(srv.server_address[1]))
os.rename(os.path.join(out, "port.tmp"), os.path.join(out, "port"))
srv.serve_forever()
