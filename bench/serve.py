"""`python3 -m http.server` with a longer listen queue, and optionally a delay before each answer: the same handler
(SimpleHTTPRequestHandler: HTTP/1.0, a connection per request, Last-Modified sent) and the same threading server,
but a listen backlog of BACKLOG connections instead of socketserver's 5, so that a burst of new connections is
not dropped (each dropped SYN costs its client a retransmission 1 s later); with DELAY_MS, each request waits that
long before it is answered, as if the server were a round trip away.
    python3 bench/serve.py PORT DIR [BACKLOG [DELAY_MS]]    (BACKLOG default 1024, DELAY_MS 0; binds 127.0.0.1)"""
import functools
import http.server
import sys
import time

DELAY = (int(sys.argv[4]) if len(sys.argv) > 4 else 0) / 1000


class Server(http.server.ThreadingHTTPServer):
    request_queue_size = int(sys.argv[3]) if len(sys.argv) > 3 else 1024


class Handler(http.server.SimpleHTTPRequestHandler):
    def send_head(self):
        if DELAY:
            time.sleep(DELAY)
        return super().send_head()


handler = functools.partial(Handler, directory=sys.argv[2])
with Server(("127.0.0.1", int(sys.argv[1])), handler) as server:
    server.serve_forever()
