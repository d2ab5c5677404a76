"""Where people reach Parley from: this machine's network addresses and the base of every invite link."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import struct
import sys
from pathlib import Path

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}
ANY = {"0.0.0.0", "::", ""}


def is_loopback(host: str) -> bool:
    """True for names and addresses that only this machine can reach."""
    name = host.strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _usable(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return ip.version == 4 and not (ip.is_loopback or ip.is_link_local or ip.is_unspecified)


def _default_route_interface() -> str | None:
    """The interface of the IPv4 default route, from the kernel's routing table (Linux)."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/net/route").read_text().splitlines()[1:]:
            fields = line.split()
            if len(fields) > 2 and fields[1] == "00000000":
                return fields[0]
    return None


def _interface_address(name: str) -> str | None:
    """The IPv4 address of one local interface, asked of the kernel (Linux: SIOCGIFADDR); no packet is sent."""
    if not sys.platform.startswith("linux"):
        return None
    import fcntl

    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        packed = fcntl.ioctl(s.fileno(), 0x8915, struct.pack("256s", name.encode()[:15]))
        return socket.inet_ntoa(packed[20:24])
    return None


def network_addresses() -> list[str]:
    """This machine's IPv4 addresses other devices may reach it on, the default route's first."""
    found: list[str] = []
    names = [n for _, n in socket.if_nameindex()] if hasattr(socket, "if_nameindex") else []
    first = _default_route_interface()
    for name in sorted(names, key=lambda n: (n != first, n)):
        address = _interface_address(name)
        if address and _usable(address) and address not in found:
            found.append(address)
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            address = str(info[4][0])
            if _usable(address) and address not in found:
                found.append(address)
    return found


def reachable_urls(host: str, port: int) -> tuple[str, list[str]]:
    """The local address and the network addresses of an app bound to ``host``."""
    local = f"http://localhost:{port}"
    if is_loopback(host):
        return local, []
    if host in ANY:
        return local, [f"http://{a}:{port}" for a in network_addresses()]
    shown = f"[{host}]" if ":" in host else host
    return local, [f"http://{shown}:{port}"]


def invite_base(public_url: str | None, page_url: str | None) -> str:
    """The address invite links start with: the configured public URL, else the one this page was opened at."""
    if public_url:
        return public_url.rstrip("/")
    url = str(page_url or "http://localhost:8501/")
    return url.split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/session", 1)[0]
