"""`steward catalog` rendered as people see it: Debian's headless Chromium loads the site from
file:// (no server, no network), the test asserts on the DOM after the page's script has run,
and screenshots are kept under the test's artifacts folder (CI uploads them).

Checked: a search given as ?q= finds an event; the destination page of google_ads lists exactly
the PII categories the fixture sends there (counted by hand from fixtures/shop); a repository's
hostile descriptions stay text in the DOM and run no script."""

import html.parser
import os
import shutil
import tempfile
import urllib.parse

import catalog_support
from catalog_support import ci_common

# fixtures/shop/destinations/google_ads.yaml: advertising events, e-mail only hashed (hash_email),
# the advertising id of app_installed (user.device.id); shipping_address and first_name are
# excluded. Counted by hand from the fixture's files.
GOOGLE_ADS_PII = ["user.contact.email.hashed", "user.device.id"]
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                  "--window-size=1280,1000"]


class Elements(html.parser.HTMLParser):
    """The text of the elements that match (tag, id or class), and every tag seen."""

    def __init__(self, tag, attribute, value):
        super().__init__()
        self.want = (tag, attribute, value)
        self.depth = 0
        self.texts = []
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = dict(attrs)
        want_tag, attribute, value = self.want
        if self.depth:
            self.depth += 1
        elif tag == want_tag and (not attribute or
                                  value in (attrs.get(attribute) or "").split()):
            self.depth = 1
            self.texts.append("")

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.texts[-1] += data


def texts(dom, tag, attribute, value):
    parser = Elements(tag, attribute, value)
    parser.feed(dom)
    return [t.strip() for t in parser.texts], parser.tags


class Browser:
    def __init__(self, chromium, work):
        self.chromium = chromium
        self.profile = tempfile.mkdtemp(prefix="chromium-", dir=work)

    def run(self, url, *flags):
        cmd = [self.chromium, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}", *flags, url]
        return ci_common.run(cmd, timeout=90)

    def dom(self, url):
        return self.run(url, "--dump-dom").stdout

    def screenshot(self, url, path):
        self.run(url, f"--screenshot={path}")
        return os.path.isfile(path) and os.path.getsize(path) > 0

    def close(self):
        shutil.rmtree(self.profile, ignore_errors=True)


def url_of(path, query=""):
    return "file://" + urllib.parse.quote(os.path.abspath(path)) + query


def shop_checks(checks, args, browser):
    site = os.path.join(args.work, "shop-catalog")
    shutil.rmtree(site, ignore_errors=True)
    result = ci_common.run([args.steward, "catalog", "-C",
                            os.path.join(args.source, "fixtures", "shop"), "--out", site])
    checks.check(result.returncode == 0, "steward catalog writes the shop's site with exit 0",
                 result.stderr)
    index = os.path.join(site, "index.html")
    dom = browser.dom(url_of(index, "?q=order_completed"))
    found, _ = texts(dom, "li", "class", "result-event")
    checks.check(any(t.startswith("order_completed") for t in found),
                 "?q=order_completed: the search lists the event", found)
    count, _ = texts(dom, "span", "id", "result-count")
    checks.check(count and "match" in count[0], "the search says how many it found", count)
    dom = browser.dom(url_of(index, "#q=refund"))
    found, _ = texts(dom, "li", "class", "result")
    checks.check(any(t.startswith("order_refunded") for t in found),
                 "#q=refund: the search also reads the hash, and matches part of a name", found)
    checks.check(browser.screenshot(url_of(index, "?q=order"),
                                    os.path.join(args.work, "catalog-search.png")),
                 "screenshot of a search kept as artifacts/catalog-search.png")

    page = os.path.join(site, "destination-google_ads.html")
    dom = browser.dom(url_of(page))
    categories, _ = texts(dom, "span", "class", "pii")
    checks.check(categories == GOOGLE_ADS_PII,
                 "the google_ads page lists exactly the PII categories reaching it", categories)
    checks.check(browser.screenshot(url_of(page),
                                    os.path.join(args.work, "catalog-google_ads.png")),
                 "screenshot of a destination page kept as artifacts/catalog-google_ads.png")


def hostile_checks(checks, args, browser):
    repo = catalog_support.hostile_repository(args.work)
    site = os.path.join(args.work, "hostile-catalog")
    shutil.rmtree(site, ignore_errors=True)
    result = ci_common.run([args.steward, "catalog", "-C", repo, "--out", site])
    checks.check(result.returncode == 0, "the hostile repository's site is written with exit 0",
                 result.stderr)
    index = os.path.join(site, "index.html")
    dom = browser.dom(url_of(index, "?q=" + urllib.parse.quote("<img")))
    descriptions, tags = texts(dom, "p", "class", "description")
    checks.check("img" not in tags and tags.count("script") == 2,
                 "no element comes from a description (only the page's own two scripts)",
                 sorted(tags))
    checks.check(descriptions == [catalog_support.HOSTILE_DESCRIPTION],
                 "a description shows as the text it is", descriptions)
    title, _ = texts(dom, "title", "", "")
    checks.check(title == ["Data catalog"], "no script from the repository ran (title unchanged)",
                 title)
    found, _ = texts(dom, "li", "class", "result-event")
    checks.check(len(found) == 1 and found[0].startswith("signed_up"),
                 "the search finds the event by the markup in its description", found)
    reaches, _ = texts(dom, "dd", "class", "reaches")
    checks.check(len(reaches) == 1 and reaches[0].startswith(catalog_support.HOSTILE_DESTINATION),
                 "the hostile destination is listed as text", reaches)
    links = [line for line in dom.splitlines() if "class=\"where\"" in line]
    checks.check(links and all('href="https://git.example.com/data/blob/main/plan.yaml#L' in line
                               for line in links[:2]),
                 "definitions link to the web view through source_url", links[:2])
    checks.check(browser.screenshot(url_of(index),
                                    os.path.join(args.work, "catalog-hostile.png")),
                 "screenshot of the hostile repository's catalog kept")


def main():
    args = ci_common.arguments(__doc__)
    chromium = catalog_support.require_tool("chromium")
    checks = ci_common.Checks()
    browser = Browser(chromium, args.work)
    try:
        shop_checks(checks, args, browser)
        hostile_checks(checks, args, browser)
    finally:
        browser.close()
    checks.finish()


if __name__ == "__main__":
    main()
