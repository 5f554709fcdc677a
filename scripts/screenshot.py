"""A PNG of a page in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

    python scripts/screenshot.py http://127.0.0.1:8000/e/person%2F张百顺 docs/serve-person.png [--height 1000]

Fails (exit 1) if the page logs a console error or requests anything outside its own origin.
"""
from __future__ import annotations

import argparse
import sys
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("out")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=1000)
    args = parser.parse_args()
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(args.url))
    problems: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        page.on("console", lambda m: m.type == "error" and problems.append(m.text))
        page.on("request", lambda r: r.url.startswith((origin, "data:")) or problems.append("request " + r.url))
        page.goto(args.url)
        page.wait_for_timeout(1000)
        page.screenshot(path=args.out)
        browser.close()
    if problems:
        sys.exit("screenshot: " + "; ".join(problems))


if __name__ == "__main__":
    main()
