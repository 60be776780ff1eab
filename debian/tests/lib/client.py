"""HTTPS to the installed nginx site, as a browser would reach it: the site's name (the
test's /etc/hosts points it at this machine) and the test's certificate authority. Python's
standard library only: the tests run on a minimal Debian."""
import http.client
import json
import os
import socket
import ssl

DOMAIN = os.environ.get("CINEVERSE_DOMAIN", "")
CAFILE = os.environ.get("CURL_CA_BUNDLE", "")


class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body)

    def header(self, name):
        return self.headers.get(name.lower(), "")

    def cookie(self):
        """The session cookie it sets (name=value), or ""."""
        for value in self.headers.get("set-cookie", "").split("\n"):
            if value.startswith("__Host-session="):
                return value.split(";", 1)[0]
        return ""


_context = None


def context():
    global _context
    if _context is None:
        _context = ssl.create_default_context(cafile=CAFILE)
    return _context


def request(method, path, body=None, cookie="", timeout=60, host=None, headers=None):
    """One request on a connection of its own. Raises OSError (refused, reset, timed out)
    and http.client.HTTPException; answers every status."""
    connection = http.client.HTTPSConnection(host or DOMAIN, 443, timeout=timeout, context=context())
    try:
        sent = {"Accept": "application/json"}
        if cookie:
            sent["Cookie"] = cookie
        data = None
        if body is not None:
            if isinstance(body, bytes):  # an upload, its type in `headers`
                data = body
            else:
                data = json.dumps(body).encode()
                sent["Content-Type"] = "application/json"
            sent["Origin"] = f"https://{DOMAIN}"
        sent.update(headers or {})
        connection.request(method, path, body=data, headers=sent)
        response = connection.getresponse()
        got = {}
        for name, value in response.getheaders():
            name = name.lower()
            got[name] = got[name] + "\n" + value if name in got else value
        return Answer(response.status, got, response.read())
    finally:
        connection.close()


def must(answer, status=200, what=""):
    if answer.status != status:
        raise SystemExit(f"{what}: {answer.status} {answer.body[:300]!r}, expected {status}")
    return answer


def fastcgi_get(address, path, source=None, timeout=5.0):
    """A FastCGI GET straight to a pool's socket (`host:port`, or a unix path), from the
    source address given: the answer's status (int), or raises OSError (refused, timed
    out)."""
    if ":" in address and not address.startswith("/"):
        host, port = address.rsplit(":", 1)
        sock = socket.create_connection((host, int(port)), timeout=timeout,
                                        source_address=(source, 0) if source else None)
    else:
        sock = socket.socket(socket.AF_UNIX)
        sock.settimeout(timeout)
        sock.connect(address)
    try:
        def record(kind, content):
            return bytes([1, kind, 0, 1, len(content) >> 8, len(content) & 0xFF, 0, 0]) + content

        def pair(name, value):
            name, value = name.encode(), value.encode()
            return bytes([len(name), len(value)]) + name + value

        params = b"".join(pair(k, v) for k, v in {
            "REQUEST_METHOD": "GET", "SCRIPT_NAME": path.split("?")[0], "DOCUMENT_URI": path.split("?")[0],
            "REQUEST_URI": path, "QUERY_STRING": path.split("?", 1)[1] if "?" in path else "",
            "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1", "HTTPS": "on",
            "HTTP_HOST": DOMAIN or "localhost"}.items())
        sock.sendall(record(1, bytes([0, 1, 0, 0, 0, 0, 0, 0])) + record(4, params) + record(4, b"")
                     + record(5, b""))
        out = b""
        while True:
            header = sock.recv(8, socket.MSG_WAITALL)
            if len(header) < 8:
                break
            length, padding = (header[4] << 8) | header[5], header[6]
            content = sock.recv(length + padding, socket.MSG_WAITALL)[:length] if length + padding else b""
            if header[1] == 6:
                out += content
            if header[1] == 3:
                break
        head = out.split(b"\r\n\r\n", 1)[0].decode(errors="replace")
        for line in head.split("\r\n"):
            if line.lower().startswith("status:"):
                return int(line.split()[1])
        return 200 if out else 0
    finally:
        sock.close()
