"""SIP messages as data: parse bytes into requests/responses and build them back (RFC 3261 §7, §20, §25).

Pure: no sockets, no clocks. Header names are case-insensitive and compact forms are expanded on parse;
multi-value headers (Via, Route, Contact, ...) may come as several lines or comma-separated. Anything malformed
raises `SipParseError` so the transport can drop it with one log line.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

MAGIC_COOKIE = "z9hG4bK"
MAX_MESSAGE_BYTES = 65_535

COMPACT = {
    "i": "call-id", "m": "contact", "e": "content-encoding", "l": "content-length", "c": "content-type",
    "f": "from", "s": "subject", "k": "supported", "t": "to", "v": "via", "o": "event", "r": "refer-to",
    "u": "allow-events", "a": "accept-contact", "b": "referred-by", "x": "session-expires", "y": "identity",
}
CANONICAL = {
    "call-id": "Call-ID", "cseq": "CSeq", "www-authenticate": "WWW-Authenticate", "p-asserted-identity":
    "P-Asserted-Identity", "rack": "RAck", "rseq": "RSeq", "mime-version": "MIME-Version",
}
MULTI_VALUE = frozenset({
    "via", "route", "record-route", "contact", "allow", "supported", "require", "proxy-require", "unsupported",
    "accept", "accept-encoding", "accept-language", "allow-events", "content-encoding", "in-reply-to",
})
MANDATORY = ("via", "from", "to", "call-id", "cseq")
REASONS = {
    100: "Trying", 180: "Ringing", 181: "Call Is Being Forwarded", 182: "Queued", 183: "Session Progress",
    200: "OK", 202: "Accepted", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
    405: "Method Not Allowed", 408: "Request Timeout", 480: "Temporarily Unavailable",
    481: "Call/Transaction Does Not Exist", 482: "Loop Detected", 483: "Too Many Hops", 486: "Busy Here",
    487: "Request Terminated", 488: "Not Acceptable Here", 491: "Request Pending", 500: "Server Internal Error",
    501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Server Time-out",
    600: "Busy Everywhere", 603: "Decline",
}


class SipParseError(ValueError):
    """The bytes are not a SIP message we can act on."""


def canonical_name(lower: str) -> str:
    return CANONICAL.get(lower) or "-".join(part.capitalize() for part in lower.split("-"))


def new_branch() -> str:
    return MAGIC_COOKIE + secrets.token_hex(8)


def new_tag() -> str:
    return secrets.token_hex(6)


def split_commas(value: str) -> list[str]:
    """Split a header value on top-level commas (not inside quotes or <...>)."""
    if "," not in value:
        return [value.strip()] if value.strip() else []
    parts: list[str] = []
    depth = 0
    quoted = False
    start = 0
    i = 0
    while i < len(value):
        ch = value[i]
        if quoted:
            if ch == "\\":
                i += 1
            elif ch == '"':
                quoted = False
        elif ch == '"':
            quoted = True
        elif ch == "<":
            depth += 1
        elif ch == ">":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            parts.append(value[start:i].strip())
            start = i + 1
        i += 1
    parts.append(value[start:].strip())
    return [p for p in parts if p]


def parse_params(text: str) -> dict[str, str | None]:
    """`;a=1;B;c="x"` → {'a': '1', 'b': None, 'c': '"x"'}; names lower-cased, values kept as written."""
    params: dict[str, str | None] = {}
    for raw in text.split(";"):
        item = raw.strip()
        if not item:
            continue
        name, eq, val = item.partition("=")
        params[name.strip().lower()] = val.strip() if eq else None
    return params


def format_params(params: dict[str, str | None]) -> str:
    return "".join(f";{k}" if v is None else f";{k}={v}" for k, v in params.items())


@dataclass
class SipUri:
    """sip:/sips:/tel: URI. Parameter names are lower-case (`;transport=UDP` and `;Transport=udp` alike)."""

    scheme: str = "sip"
    user: str | None = None
    host: str = ""
    port: int | None = None
    params: dict[str, str | None] = field(default_factory=dict)
    headers: str = ""
    password: str | None = None

    @classmethod
    def parse(cls, text: str) -> SipUri:
        text = text.strip()
        scheme, colon, rest = text.partition(":")
        scheme = scheme.lower()
        if not colon or scheme not in ("sip", "sips", "tel"):
            raise SipParseError(f"bad URI scheme in {text[:60]!r}")
        rest, _, headers = rest.partition("?")
        if scheme == "tel":
            number, _, ptext = rest.partition(";")
            return cls(scheme, number, "", None, parse_params(ptext), headers)
        userinfo, at, hostpart = rest.rpartition("@")
        if not at:
            hostpart = rest
        user: str | None = None
        password: str | None = None
        if at:
            user, _, pw = userinfo.partition(":")
            password = pw or None
        hostport, _, ptext = hostpart.partition(";")
        host, port = split_hostport(hostport)
        return cls(scheme, user, host, port, parse_params(ptext), headers, password)

    @property
    def transport(self) -> str:
        value = self.params.get("transport")
        return value.upper() if value else ("TLS" if self.scheme == "sips" else "UDP")

    def __str__(self) -> str:
        if self.scheme == "tel":
            return f"tel:{self.user}{format_params(self.params)}"
        userinfo = ""
        if self.user is not None:
            userinfo = self.user + (f":{self.password}" if self.password else "") + "@"
        host = f"[{self.host}]" if ":" in self.host else self.host
        port = f":{self.port}" if self.port else ""
        headers = f"?{self.headers}" if self.headers else ""
        return f"{self.scheme}:{userinfo}{host}{port}{format_params(self.params)}{headers}"


def _digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def split_hostport(text: str) -> tuple[str, int | None]:
    text = text.strip()
    if not text:
        raise SipParseError("empty host")
    if text.startswith("["):
        end = text.find("]")
        if end < 0:
            raise SipParseError("bad IPv6 reference")
        host, rest = text[1:end], text[end + 1:]
        port_text = rest[1:] if rest.startswith(":") else ""
    else:
        host, _, port_text = text.partition(":")
    if not host or any(c in host for c in " \t<>\"") :
        raise SipParseError(f"bad host {text[:60]!r}")
    if not port_text:
        return host, None
    if not _digits(port_text) or not 0 < int(port_text) < 65536:
        raise SipParseError(f"bad port {port_text[:20]!r}")
    return host, int(port_text)


@dataclass
class NameAddr:
    """From/To/Contact/Route value: optional display name, URI, header parameters (tag, expires...)."""

    uri: SipUri
    display: str = ""
    params: dict[str, str | None] = field(default_factory=dict)
    star: bool = False

    @classmethod
    def parse(cls, text: str) -> NameAddr:
        text = text.strip()
        if text == "*":
            return cls(SipUri(), star=True)
        if "<" in text:
            display, _, rest = text.partition("<")
            uri_text, close, ptext = rest.partition(">")
            if not close:
                raise SipParseError("unclosed <")
            return cls(SipUri.parse(uri_text), display.strip(), parse_params(ptext))
        # addr-spec form: parameters after the URI belong to the header, not the URI
        uri_text, _, ptext = text.partition(";")
        return cls(SipUri.parse(uri_text), "", parse_params(ptext))

    @property
    def tag(self) -> str | None:
        return self.params.get("tag")

    def __str__(self) -> str:
        if self.star:
            return "*"
        display = f"{self.display} " if self.display else ""
        return f"{display}<{self.uri}>{format_params(self.params)}"


@dataclass
class Via:
    transport: str
    host: str
    port: int | None
    params: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def parse(cls, text: str) -> Via:
        proto, _, rest = text.strip().partition(" ")
        pieces = proto.split("/")
        if len(pieces) != 3 or pieces[0].strip().upper() != "SIP":
            raise SipParseError(f"bad Via {text[:60]!r}")
        sent_by, _, ptext = rest.strip().partition(";")
        host, port = split_hostport(sent_by)
        return cls(pieces[2].strip().upper(), host, port, parse_params(ptext))

    @property
    def branch(self) -> str | None:
        return self.params.get("branch")

    def __str__(self) -> str:
        port = f":{self.port}" if self.port else ""
        return f"SIP/2.0/{self.transport} {self.host}{port}{format_params(self.params)}"


class Headers:
    """Ordered header lines; lookup by lower-case (compact forms expanded) name."""

    __slots__ = ("_items",)

    def __init__(self, items: list[tuple[str, str]] | None = None) -> None:
        self._items: list[tuple[str, str]] = items or []

    def get(self, name: str) -> str | None:
        name = name.lower()
        for key, value in self._items:
            if key == name:
                return value
        return None

    def get_all(self, name: str) -> list[str]:
        """Every value, comma-separated multi-value headers split into one value each."""
        name = name.lower()
        values: list[str] = []
        for key, value in self._items:
            if key == name:
                values.extend(split_commas(value) if name in MULTI_VALUE else [value])
        return values

    def set(self, name: str, value: str) -> None:
        name = name.lower()
        for i, (key, _) in enumerate(self._items):
            if key == name:
                self._items[i] = (name, value)
                self._items = [item for j, item in enumerate(self._items) if j <= i or item[0] != name]
                return
        self._items.append((name, value))

    def add(self, name: str, value: str, first: bool = False) -> None:
        if first:
            self._items.insert(0, (name.lower(), value))
        else:
            self._items.append((name.lower(), value))

    def remove(self, name: str) -> None:
        name = name.lower()
        self._items = [item for item in self._items if item[0] != name]

    def replace_first_value(self, name: str, value: str) -> None:
        """Replace the first value of a multi-value header (e.g. the top Via), keeping the others."""
        name = name.lower()
        for i, (key, raw) in enumerate(self._items):
            if key == name:
                rest = split_commas(raw)[1:]
                self._items[i] = (name, ", ".join([value, *rest]))
                return
        self._items.insert(0, (name, value))

    def items(self) -> list[tuple[str, str]]:
        return list(self._items)

    def copy(self) -> Headers:
        return Headers(list(self._items))

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.get(name) is not None


@dataclass
class SipMessage:
    headers: Headers
    body: bytes = b""
    wire_size: int = field(default=0, compare=False, kw_only=True)  # bytes it came in as (0: built here)

    @property
    def call_id(self) -> str:
        return self.headers.get("call-id") or ""

    @property
    def cseq(self) -> tuple[int, str]:
        num, _, method = (self.headers.get("cseq") or "").partition(" ")
        return int(num), method.strip().upper()

    @property
    def top_via(self) -> Via:
        values = split_commas(self.headers.get("via") or "")
        if not values:  # `Via:` with nothing (or only commas) after it
            raise SipParseError("empty Via")
        return Via.parse(values[0])

    @property
    def from_(self) -> NameAddr:
        return NameAddr.parse(self.headers.get("from") or "")

    @property
    def to(self) -> NameAddr:
        return NameAddr.parse(self.headers.get("to") or "")

    @property
    def from_tag(self) -> str | None:
        return self.from_.tag

    @property
    def to_tag(self) -> str | None:
        return self.to.tag

    @property
    def contact(self) -> NameAddr | None:
        values = self.headers.get_all("contact")
        return NameAddr.parse(values[0]) if values else None

    def first_line(self) -> str:
        raise NotImplementedError

    def to_bytes(self) -> bytes:
        lines = [self.first_line()]
        for name, value in self.headers.items():
            if name != "content-length":
                lines.append(f"{canonical_name(name)}: {value}")
        lines.append(f"Content-Length: {len(self.body)}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + self.body


@dataclass
class SipRequest(SipMessage):
    method: str = ""
    uri: str = ""

    def first_line(self) -> str:
        return f"{self.method} {self.uri} SIP/2.0"

    @property
    def request_uri(self) -> SipUri:
        return SipUri.parse(self.uri)


@dataclass
class SipResponse(SipMessage):
    status: int = 0
    reason: str = ""

    def first_line(self) -> str:
        return f"SIP/2.0 {self.status} {self.reason}"


def _split_head(data: bytes) -> tuple[bytes, bytes]:
    end = data.find(b"\r\n\r\n")
    if end >= 0:
        return data[:end], data[end + 4:]
    end = data.find(b"\n\n")
    if end >= 0:
        return data[:end], data[end + 2:]
    return data, b""


def parse_message(data: bytes) -> SipRequest | SipResponse:
    """Parse one datagram or one framed stream message; raises SipParseError."""
    if len(data) > MAX_MESSAGE_BYTES:
        raise SipParseError("message too large")
    data = data.lstrip(b"\r\n")
    head, body = _split_head(data)
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        text = head.decode("latin-1")
    lines = text.replace("\r\n", "\n").split("\n")
    start = lines[0].strip()
    if not start:
        raise SipParseError("empty message")
    items = _header_items(lines[1:])
    headers = Headers(items)
    message: SipRequest | SipResponse
    if start.startswith("SIP/2.0 "):
        code, _, reason = start[8:].partition(" ")
        if len(code) != 3 or not _digits(code) or not 100 <= int(code) <= 699:
            raise SipParseError(f"bad status line {start[:60]!r}")
        message = SipResponse(headers, b"", int(code), reason.strip())
    else:
        parts = start.split(" ")
        if len(parts) != 3 or parts[2] != "SIP/2.0" or not parts[0].isalpha() or not parts[0].isupper():
            raise SipParseError(f"bad request line {start[:60]!r}")
        message = SipRequest(headers, b"", parts[0], parts[1])
        message.request_uri  # noqa: B018 - validates the URI
    _validate(message)
    length_text = headers.get("content-length")
    if length_text is not None:
        if not _digits(length_text):
            raise SipParseError("bad Content-Length")
        length = int(length_text)
        if length > len(body):
            raise SipParseError("truncated body (Content-Length larger than the data)")
        body = body[:length]
    message.body = body
    message.wire_size = len(data)
    return message


def _header_items(lines: list[str]) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    for line in lines:
        if not line:
            continue
        if line[0] in " \t":  # folded continuation (RFC 3261 §7.3.1)
            if not items:
                raise SipParseError("continuation before any header")
            name, value = items[-1]
            items[-1] = (name, f"{value} {line.strip()}")
            continue
        name, colon, value = line.partition(":")
        name = name.strip().lower()
        if not colon or not name or " " in name:
            raise SipParseError(f"bad header line {line[:60]!r}")
        items.append((COMPACT.get(name, name), value.strip()))
    return items


def _validate(message: SipRequest | SipResponse) -> None:
    headers = message.headers
    for name in MANDATORY:
        if headers.get(name) is None:
            raise SipParseError(f"missing {canonical_name(name)}")
    try:
        num, method = message.cseq
    except ValueError:
        raise SipParseError("bad CSeq") from None
    if not method or num < 0 or num >= 2**31:
        raise SipParseError("bad CSeq")
    if isinstance(message, SipRequest) and method != message.method:
        raise SipParseError("CSeq method differs from request method")
    message.top_via  # noqa: B018 - validates the Via
    message.from_  # noqa: B018
    message.to  # noqa: B018


def frame_stream(buffer: bytes) -> tuple[list[bytes], bytes]:
    """Cut complete messages off a TCP byte stream by Content-Length (RFC 3261 §18.3).

    Returns (messages, rest). Raises SipParseError when the stream cannot be framed (no or bad Content-Length,
    oversized header); the connection should then be closed.
    """
    messages: list[bytes] = []
    while True:
        stripped = buffer.lstrip(b"\r\n")  # CRLF keep-alives
        buffer = stripped
        end = buffer.find(b"\r\n\r\n")
        if end < 0:
            if len(buffer) > MAX_MESSAGE_BYTES:
                raise SipParseError("header section too long")
            return messages, buffer
        length = _content_length(buffer[:end])
        total = end + 4 + length
        if total > MAX_MESSAGE_BYTES:
            raise SipParseError("message too large")
        if len(buffer) < total:
            return messages, buffer
        messages.append(buffer[:total])
        buffer = buffer[total:]


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, colon, value = line.partition(b":")
        if colon and name.strip().lower() in (b"content-length", b"l"):
            text = value.strip()
            if not (text.isascii() and text.isdigit()):
                raise SipParseError("bad Content-Length")
            return int(text)
    raise SipParseError("stream message without Content-Length")


def make_response(request: SipRequest, status: int, reason: str | None = None, *, to_tag: str | None = None,
                  body: bytes = b"", extra: list[tuple[str, str]] | None = None) -> SipResponse:
    """A response copying Via/From/To/Call-ID/CSeq (and Record-Route) from the request (RFC 3261 §8.2.6)."""
    items: list[tuple[str, str]] = []
    for name, value in request.headers.items():
        if name in ("via", "from", "call-id", "cseq") or (name == "record-route" and 100 < status < 300):
            items.append((name, value))
        elif name == "to":
            tagged = to_tag and status > 100 and ";tag=" not in value.lower()
            items.append((name, f"{value};tag={to_tag}" if tagged else value))
    items.extend(extra or [])
    return SipResponse(Headers(items), body, status, reason or REASONS.get(status, "Unknown"))
