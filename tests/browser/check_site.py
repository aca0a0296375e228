"""Check a built site in headless Chromium (overflow at 390 px, axe-core) and its glyphs.

Usage::

    npm install --no-save --prefix tests/browser axe-core@4
    .venv/bin/lawsummary site --dataset ru-migration-2024 --output /tmp/site
    .venv/bin/python tests/browser/check_site.py /tmp/site --screenshots /tmp/shots

Every page of the site is opened from disk in one headless Chromium (Debian's
``/usr/bin/chromium``, driven over the DevTools protocol on a pipe, so nothing but the
standard library is needed), at 390 px and at 1280 px wide, in the light and the dark
colour scheme. On each it checks that the page does not scroll sideways (the document is
no wider than the window; tables scroll inside their own box) and runs axe-core (the npm
package, injected into the page) with the rules tagged WCAG 2.0, 2.1 and 2.2 A and AA and
best-practice. Before that, fontconfig's coverage tables (``fc-list``) must show every
character of every locale's pages in at least one installed font of the stylesheet's
named stack (Noto Sans, DejaVu Sans). ``--screenshots DIR`` keeps a full-page PNG of a few pages of each type.
Exit status 0 when every page passes, 1 with one line per problem otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--remote-debugging-pipe",
)
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")
#: Each page is loaded at every width in every colour scheme; --quick keeps two of them.
VIEWS = ((390, "light"), (390, "dark"), (1280, "light"), (1280, "dark"))
QUICK_VIEWS = ((390, "light"), (1280, "dark"))


class Browser:
    """One headless Chromium driven over ``--remote-debugging-pipe`` (fds 3 and 4)."""

    def __init__(self, executable: str, profile: str) -> None:
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def wire() -> None:  # in the child: the pipe ends Chromium expects on fds 3 and 4
            # Copies above 10 first, so that neither end is overwritten by the other's dup2.
            read_end = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
            write_end = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
            os.dup2(read_end, 3)  # dup2 makes them inheritable across exec
            os.dup2(write_end, 4)

        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,  # Python's own descriptors are not inherited anyway (PEP 446)
            preexec_fn=wire,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []

    def _messages(self) -> Iterator[dict[str, Any]]:
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                yield json.loads(raw)
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk

    def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session is not None:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        for reply in self._messages():
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self._events.append(reply)
        raise AssertionError("unreachable")

    def wait_for(self, event: str, session: str) -> None:
        for index, seen in enumerate(self._events):
            if seen.get("method") == event and seen.get("sessionId") == session:
                del self._events[: index + 1]
                return
        for message in self._messages():
            if message.get("method") == event and message.get("sessionId") == session:
                self._events.clear()
                return

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, OSError):
            self.send("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        os.close(self._to_browser)
        os.close(self._from_browser)


class Tab:
    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        target = browser.send("Target.createTarget", url="about:blank")["targetId"]
        self.session: str = browser.send("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        self.send("Page.enable")
        self.send("Runtime.enable")

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        return self.browser.send(method, self.session, **params)

    def open(self, url: str, width: int, scheme: str) -> None:
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=900,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        self.send(
            "Emulation.setEmulatedMedia",
            features=[{"name": "prefers-color-scheme", "value": scheme}],
        )
        self.send("Page.navigate", url=url)
        self.browser.wait_for("Page.loadEventFired", self.session)

    def evaluate(self, expression: str) -> Any:
        result = self.send(
            "Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: Path, width: int, top: int = 0, height: int = 2000) -> None:
        """A PNG of the page from ``top`` down, at most ``height`` CSS pixels tall."""
        import base64

        full = int(self.evaluate("document.documentElement.scrollHeight"))
        clip = {
            "x": 0,
            "y": top,
            "width": width,
            "height": max(1, min(height, full - top)),
            "scale": 1,
        }
        shot = self.send(
            "Page.captureScreenshot", format="png", captureBeyondViewport=True, clip=clip
        )
        path.write_bytes(base64.b64decode(shot["data"]))


# Measured against the emulated width itself: a mobile browser widens its layout viewport
# (window.innerWidth) to fit content that overflows, which would hide the overflow.
_OVERFLOW = """((width) => {
  const doc = document.documentElement;
  const wide = [...document.querySelectorAll('main *, header *, footer *')]
    .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest('.ls-table'))
    .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
  return {scrollWidth: doc.scrollWidth, innerWidth: window.innerWidth, wide: wide};
})(%d)"""

_AXE = """axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})
  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))"""


def _screenshot_pages(site: Path, pages: list[str]) -> set[str]:
    """Two pages of each type (root, locale index, dataset, provision): the largest, in ru and kk."""
    kinds: dict[str, list[str]] = {}
    for name in pages:
        parts = name.split("/")
        if len(parts) == 1:
            kind = "root"
        elif len(parts) == 2:
            kind = "index"
        else:
            kind = (
                "dataset" if (site / parts[0] / parts[1] / "feed.atom").is_file() else "provision"
            )
        kinds.setdefault(kind, []).append(name)
    chosen: set[str] = set()
    for names in kinds.values():
        for code in ("ru", "kk", ""):
            local = [n for n in names if n.startswith(code)]
            if local:
                chosen.add(max(local, key=lambda n: (site / n).stat().st_size))
    return chosen


def check(
    site: Path,
    axe: Path,
    shots: Path | None,
    executable: str,
    views: tuple[tuple[int, str], ...] = VIEWS,
) -> list[str]:
    pages = sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))
    if not pages:
        return [f"{site}: no pages found"]
    axe_source = axe.read_text(encoding="utf-8")
    keep = _screenshot_pages(site, pages) if shots else set()
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    profile = tempfile.mkdtemp(prefix="lawsummary-chromium-")
    browser = Browser(executable, profile)
    try:
        tab = Tab(browser)
        for name in pages:
            url = (site / name).resolve().as_uri()
            for width, scheme in views:
                tab.open(url, width, scheme)
                where = f"{name} at {width} px, {scheme}"
                box = tab.evaluate(_OVERFLOW % width)
                if max(box["scrollWidth"], box["innerWidth"]) > width:
                    problems.append(
                        f"{where}: scrolls sideways (scrollWidth {box['scrollWidth']}, "
                        f"innerWidth {box['innerWidth']} for {width}; "
                        f"too wide: {', '.join(box['wide']) or '?'})"
                    )
                tab.evaluate(axe_source)
                for violation in tab.evaluate(_AXE % json.dumps(list(AXE_TAGS))):
                    problems.append(
                        f"{where}: axe {violation['id']} ({violation['impact']}): "
                        f"{violation['help']} at {'; '.join(violation['nodes'])}"
                    )
                if shots and name in keep and (width, scheme) in ((390, "light"), (1280, "dark")):
                    stem = f"{name.replace('/', '_')}-{width}-{scheme}"
                    tab.screenshot(shots / f"{stem}.png", width)
                    if width == 390:  # the lower part too, where the tables are
                        top = int(tab.evaluate("document.documentElement.scrollHeight")) // 2
                        tab.screenshot(shots / f"{stem}-lower.png", width, top)
    finally:
        browser.close()
        shutil.rmtree(profile, ignore_errors=True)
    return problems


class _Text(HTMLParser):
    """The characters a page shows (its text and attribute values people read)."""

    def __init__(self) -> None:
        super().__init__()
        self.chars: set[str] = set()
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in ("title", "aria-label", "alt") and value:
                self.chars.update(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.chars.update(data)


def _covers(family: str, chars: list[str]) -> bool:
    pattern = f":family={family}:charset={' '.join(f'{ord(c):x}' for c in chars)}"
    found = subprocess.run(
        ["fc-list", pattern, "family"], capture_output=True, text=True, check=False
    )
    return bool(found.stdout.strip())


def glyph_problems(site: Path) -> list[str]:
    """Characters of the site that none of the stylesheet's named fonts (installed) has.

    The fonts are the families of the ``--ls-font`` stack before the generic ones, as
    fontconfig knows them; at least one must be installed.
    """
    css = (site / "style.css").read_text(encoding="utf-8")
    stack = re.search(r"--ls-font:([^;]+);", css)
    if stack is None:
        return ["style.css: no --ls-font stack"]
    named = [f.strip().strip('"') for f in stack.group(1).split(",")]
    named = [f for f in named if f and f[0].isupper() and f not in ("BlinkMacSystemFont",)]
    if shutil.which("fc-list") is None:
        return ["fc-list (fontconfig) not found: cannot check the fonts' coverage"]
    installed = [f for f in named if _covers(f, [])]
    if not installed:
        return [f"none of the named fonts is installed: {', '.join(named)}"]
    per_locale: dict[str, set[str]] = {}
    for page in site.rglob("*.html"):
        reader = _Text()
        reader.feed(page.read_text(encoding="utf-8"))
        top = page.relative_to(site).parts[0]
        per_locale.setdefault(top if top != "index.html" else "root", set()).update(reader.chars)
    for sign in re.findall(r'content: "([^"]*)"', css):
        per_locale.setdefault("style.css", set()).update(sign.replace("\\00a0", ""))
    problems = []
    for where, chars in sorted(per_locale.items()):
        shown = sorted(c for c in chars if not c.isspace() and ord(c) >= 0x20)
        if any(_covers(f, shown) for f in installed):
            continue
        missing = [c for c in shown if not any(_covers(f, [c]) for f in installed)]
        if missing:
            problems.append(
                f"{where}: no glyph in {' or '.join(installed)} for "
                + " ".join(f"{c} (U+{ord(c):04X})" for c in missing)
            )
    return problems


def _find_axe(given: str | None) -> Path:
    here = Path(__file__).parent
    candidates = [Path(given)] if given else []
    candidates += [
        here / "node_modules" / "axe-core" / "axe.min.js",
        Path.cwd() / "node_modules" / "axe-core" / "axe.min.js",
    ]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise SystemExit(
        "axe-core not found: npm install --no-save --prefix tests/browser axe-core@4 "
        "(or pass --axe PATH/axe.min.js)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", help="the folder lawsummary site wrote")
    parser.add_argument("--axe", help="axe.min.js (default: tests/browser/node_modules/...)")
    parser.add_argument("--screenshots", help="keep full-page PNGs of a few pages here")
    parser.add_argument("--chromium", default=CHROMIUM, help=f"the browser (default {CHROMIUM})")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="two loads a page (390 px light, 1280 px dark), not four",
    )
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"{site}: not a built site (no index.html)", file=sys.stderr)
        return 1
    if not Path(args.chromium).is_file():
        print(f"{args.chromium} not found: apt-get install -y chromium", file=sys.stderr)
        return 1
    views = QUICK_VIEWS if args.quick else VIEWS
    started = time.perf_counter()
    problems = glyph_problems(site)
    problems += check(
        site,
        _find_axe(args.axe),
        Path(args.screenshots) if args.screenshots else None,
        args.chromium,
        views,
    )
    pages = len(list(site.rglob("*.html")))
    runs = pages * len(views)
    for problem in problems:
        print(problem)
    print(
        f"{pages} pages, {runs} page loads checked in {time.perf_counter() - started:.0f} s: "
        f"{len(problems)} problems"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
