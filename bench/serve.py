"""`python3 -m http.server` with a longer listen queue, optionally HTTP/1.1 and a delay before each answer: the same
handler (SimpleHTTPRequestHandler: Last-Modified sent) and the same threading server, but a listen backlog of
BACKLOG connections instead of socketserver's 5, so that a burst of new connections is not dropped (each dropped
SYN costs its client a retransmission 1 s later); with HTTP 1.1, a connection serves request after request as a
mirror's web server does (http.server's HTTP/1.0 closes it after each, leaving a socket in TIME_WAIT per file);
with DELAY_MS, each request waits that long before it is answered, as if the server were a round trip away.
    python3 bench/serve.py PORT DIR [BACKLOG [DELAY_MS [HTTP]]]
        BACKLOG default 1024, DELAY_MS 0, HTTP 1.0 or 1.1 (default 1.0); binds 127.0.0.1"""
import functools
import http.server
import sys
import time

DELAY = (int(sys.argv[4]) if len(sys.argv) > 4 else 0) / 1000
HTTP = sys.argv[5] if len(sys.argv) > 5 else "1.0"


class Server(http.server.ThreadingHTTPServer):
    request_queue_size = int(sys.argv[3]) if len(sys.argv) > 3 else 1024


class Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/" + HTTP
    # a kept-alive connection answers a request in two writes (headers, then the file): with Nagle's algorithm
    # the second waits for the client's delayed ACK, 40 ms a file; web servers set TCP_NODELAY (nginx's default)
    disable_nagle_algorithm = True

    def send_head(self):
        if DELAY:
            time.sleep(DELAY)
        return super().send_head()


handler = functools.partial(Handler, directory=sys.argv[2])
with Server(("127.0.0.1", int(sys.argv[1])), handler) as server:
    server.serve_forever()
