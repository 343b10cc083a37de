"""`python3 -m http.server` with a longer listen queue: the same handler (SimpleHTTPRequestHandler: HTTP/1.0, a
connection per request, Last-Modified sent), the same threading server, but a listen backlog of BACKLOG
connections instead of socketserver's 5, so that a burst of new connections is not dropped (each dropped SYN
costs its client a retransmission 1 s later).
    python3 bench/serve.py PORT DIR [BACKLOG]    (BACKLOG default 1024; binds 127.0.0.1)"""
import functools
import http.server
import sys


class Server(http.server.ThreadingHTTPServer):
    request_queue_size = int(sys.argv[3]) if len(sys.argv) > 3 else 1024


handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[2])
with Server(("127.0.0.1", int(sys.argv[1])), handler) as server:
    server.serve_forever()
