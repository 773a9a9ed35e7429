"""A small browser for the served app: cookies, CSRF and forms, with the standard library only.

Production settings redirect plain HTTP to HTTPS and mark cookies Secure; on the loopback
there is no TLS, so the client speaks as the reverse proxy would after terminating it
(`X-Forwarded-Proto: https`, the server started with PROXY_COUNT=1). Each client sends its own
X-Forwarded-For address, so the login lockout counts every simulated partner apart.
"""

import http.client
import time
import urllib.parse
from dataclasses import dataclass
from html.parser import HTMLParser
from http.cookies import SimpleCookie


@dataclass
class Antwoord:
    status: int
    kop: dict
    inhoud: bytes
    duur: float

    @property
    def tekst(self) -> str:
        return self.inhoud.decode("utf-8", "replace")

    @property
    def locatie(self) -> str:
        return self.kop.get("location", "")


class _Formulieren(HTMLParser):
    """Every form of a page: its action, method and the fields a browser would submit."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.formulieren: list[dict] = []
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.formulieren.append(
                {"action": a.get("action") or "", "method": a.get("method", "get"), "velden": []}
            )
        elif not self.formulieren or "name" not in a:
            return
        elif tag == "input":
            soort = a.get("type", "text").lower()
            if soort in ("submit", "button", "image", "file", "reset"):
                return
            if soort in ("checkbox", "radio") and "checked" not in a:
                return
            self.formulieren[-1]["velden"].append([a["name"], a.get("value") or ""])
        elif tag == "textarea":
            self._textarea = [a["name"], ""]
            self.formulieren[-1]["velden"].append(self._textarea)
        elif tag == "select":
            self._select = [a["name"], None]
            self.formulieren[-1]["velden"].append(self._select)
        elif (
            tag == "option"
            and self._select is not None
            and (self._select[1] is None or "selected" in a)
        ):
            self._select[1] = a.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data


def formulieren(html: str) -> list[dict]:
    parser = _Formulieren()
    parser.feed(html)
    for formulier in parser.formulieren:
        formulier["velden"] = [(n, "" if w is None else w) for n, w in formulier["velden"]]
    return parser.formulieren


class Browser:
    def __init__(self, poort: int, adres: str = "10.0.0.1", host: str = "localhost"):
        self.poort, self.adres, self.host = poort, adres, host
        self.cookies: dict[str, str] = {}

    def verzoek(self, methode: str, pad: str, body: bytes | None = None, kop=None) -> Antwoord:
        koppen = {
            "Host": self.host,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.adres,
            "Origin": f"https://{self.host}",
            "Referer": f"https://{self.host}{pad}",
            **(kop or {}),
        }
        if self.cookies:
            koppen["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        begin = time.perf_counter()
        verbinding = http.client.HTTPConnection("127.0.0.1", self.poort, timeout=60)
        try:
            verbinding.request(methode, pad, body=body, headers=koppen)
            antwoord = verbinding.getresponse()
            inhoud = antwoord.read()
        finally:
            verbinding.close()
        for waarde in antwoord.headers.get_all("Set-Cookie") or []:
            for naam, morsel in SimpleCookie(waarde).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(naam, None)
                else:
                    self.cookies[naam] = morsel.value
        return Antwoord(
            status=antwoord.status,
            kop={k.lower(): v for k, v in antwoord.getheaders()},
            inhoud=inhoud,
            duur=time.perf_counter() - begin,
        )

    def get(self, pad: str) -> Antwoord:
        return self.verzoek("GET", pad)

    def post(self, pad: str, velden, kop=None) -> Antwoord:
        body = urllib.parse.urlencode(list(velden)).encode()
        return self.verzoek(
            "POST",
            pad,
            body,
            {"Content-Type": "application/x-www-form-urlencoded", **(kop or {})},
        )

    def post_bestand(self, pad: str, velden, veld: str, naam: str, data: bytes) -> Antwoord:
        grens = "driehoekloadtest7f3a"
        delen = []
        for n, w in velden:
            delen.append(
                f'--{grens}\r\nContent-Disposition: form-data; name="{n}"\r\n\r\n{w}\r\n'.encode()
            )
        delen.append(
            (
                f'--{grens}\r\nContent-Disposition: form-data; name="{veld}"; '
                f'filename="{naam}"\r\nContent-Type: application/octet-stream\r\n\r\n'
            ).encode()
            + data
            + b"\r\n"
        )
        delen.append(f"--{grens}--\r\n".encode())
        return self.verzoek(
            "POST",
            pad,
            b"".join(delen),
            {"Content-Type": f"multipart/form-data; boundary={grens}"},
        )

    def formulier(self, pad: str, bevat: str = "") -> tuple[str, list, Antwoord]:
        """(action, fields) of the first POST form on the page whose fields include `bevat`."""
        pagina = self.get(pad)
        for f in formulieren(pagina.tekst):
            if f["method"].lower() == "post" and (
                not bevat or any(n == bevat for n, _ in f["velden"])
            ):
                return urllib.parse.urljoin(pad, f["action"] or pad), f["velden"], pagina
        raise LookupError(f"no form with {bevat!r} on {pad} (HTTP {pagina.status})")

    def inloggen(self, username: str, wachtwoord: str, pad: str = "/account/inloggen/") -> bool:
        actie, velden, _ = self.formulier(pad, "password")
        velden = vervang(velden, username=username, password=wachtwoord)
        antwoord = self.post(actie, velden)
        return antwoord.status == 302 and "sessionid" in self.cookies


def vervang(velden, **nieuw) -> list:
    """The fields with some values replaced (added when absent)."""
    uit = [(n, nieuw.pop(n) if n in nieuw else w) for n, w in velden]
    return uit + list(nieuw.items())
