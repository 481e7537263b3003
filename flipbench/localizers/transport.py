"""An httpx transport over aiohttp's connection pool, lean enough for a thousand calls a second.

httpx 0.28's own pool collapses with 64+ connections open (scripts/bench_transport.py), and the
``httpx-aiohttp`` transport spends about a fifth of a call's CPU translating between the two
libraries (streamed bodies, a timeout object per request, proxy arguments). A model's answer is
small and arrives whole, so this one reads the body at once and hands httpx a finished byte
stream, which httpx decodes (gzip and friends). Timeouts are httpx's, per request. Proxies come
from the environment (``HTTPS_PROXY``, ``NO_PROXY``, ...), looked up once per host: aiohttp's
own ``trust_env`` looks them up in a thread for every request.
"""

from __future__ import annotations

import asyncio
import ssl
import urllib.request
from typing import Any

import aiohttp
import httpx


class AiohttpTransport(httpx.AsyncBaseTransport):
    def __init__(self, *, connections: int, ssl_context: ssl.SSLContext | None = None) -> None:
        self.connections = connections
        self.ssl_context = ssl_context or httpx.create_ssl_context()
        self._session: aiohttp.ClientSession | None = None
        self._timeouts: dict[tuple[Any, ...], aiohttp.ClientTimeout] = {}
        self._proxies: dict[tuple[str, str], str | None] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        session = self._session or self._open()
        try:
            headers = [(name.decode("latin-1"), value.decode("latin-1")) for name, value in request.headers.raw]
            async with session.request(request.method, str(request.url), headers=headers,
                                       data=request.content or None, allow_redirects=False,
                                       timeout=self._timeout(request.extensions.get("timeout") or {}),
                                       proxy=self._proxy(request.url)) as reply:
                body = await reply.read()
        except Exception as error:  # noqa: BLE001 -- translated to httpx's classes, or re-raised
            translated = _translated(error)
            if translated is error:
                raise
            raise translated from error
        return httpx.Response(reply.status, headers=reply.raw_headers, stream=httpx.ByteStream(body),
                              request=request, extensions={"http_version": b"HTTP/1.1"})

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _open(self) -> aiohttp.ClientSession:
        """The session is made on first use: aiohttp binds it to the running event loop."""
        connector = aiohttp.TCPConnector(limit=self.connections, ssl=self.ssl_context)
        self._session = aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.DummyCookieJar(),
                                              auto_decompress=False, skip_auto_headers=("User-Agent",))
        return self._session

    def _timeout(self, timeout: dict[str, float | None]) -> aiohttp.ClientTimeout:
        """httpx's per-request timeouts in aiohttp's terms (a handful of distinct ones per run, kept)."""
        key = (timeout.get("connect"), timeout.get("read"), timeout.get("pool"))
        made = self._timeouts.get(key)
        if made is None:
            made = self._timeouts[key] = aiohttp.ClientTimeout(total=None, sock_connect=key[0], sock_read=key[1],
                                                               connect=key[2])
        return made

    def _proxy(self, url: httpx.URL) -> str | None:
        key = (url.scheme, url.host)
        if key not in self._proxies:
            proxies = urllib.request.getproxies_environment()
            bypass = urllib.request.proxy_bypass_environment(url.host, proxies) if url.host else True
            self._proxies[key] = None if bypass else proxies.get(url.scheme)
        return self._proxies[key]


def _translated(error: Exception) -> Exception:
    """The httpx exception an aiohttp failure stands for (httpx users catch httpx's classes)."""
    if isinstance(error, aiohttp.ConnectionTimeoutError):
        return httpx.ConnectTimeout(str(error) or "no connection within the timeout")
    if isinstance(error, asyncio.TimeoutError | aiohttp.ServerTimeoutError):
        return httpx.ReadTimeout(str(error) or "no answer within the timeout")
    if isinstance(error, aiohttp.InvalidURL | aiohttp.NonHttpUrlClientError):
        return httpx.UnsupportedProtocol(str(error))
    if isinstance(error, aiohttp.ClientConnectorError):
        return httpx.ConnectError(str(error))
    if isinstance(error, aiohttp.ServerDisconnectedError):
        return httpx.RemoteProtocolError(str(error) or "the server closed the connection")
    if isinstance(error, aiohttp.ClientPayloadError | aiohttp.ClientResponseError):
        return httpx.ReadError(str(error))
    if isinstance(error, aiohttp.ClientError | OSError):
        return httpx.NetworkError(str(error))
    return error
