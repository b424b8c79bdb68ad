"""The dashboard in a real browser: map, timeline, filters, event page, spans, safety."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[2]
MAP_READY = "!!document.querySelector('#map[data-ready]')"
DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}


def _wait_for(page: Any, condition: str, timeout_s: float = 15.0) -> None:
    """Poll a JS condition (Playwright's own waits hang with some Chromium builds)."""
    import time

    from playwright.sync_api import Error

    def holds() -> bool:
        try:
            return bool(page.evaluate(condition))
        except Error as exc:  # the page is navigating: ask the next one
            if "context was destroyed" not in str(exc):
                raise
            return False

    deadline = time.monotonic() + timeout_s
    while not holds():
        if time.monotonic() > deadline:
            state = page.evaluate(
                "[location.href, document.readyState,"
                " (document.querySelector('#map-count') || {}).textContent]"
            )
            raise AssertionError(f"timed out waiting for: {condition} ({state})")
        time.sleep(0.05)


def _page(browser: Any, viewport: dict[str, int] | None = None) -> tuple[Any, list[str]]:
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("dialog", lambda d: (problems.append("dialog: " + d.message), d.dismiss()))
    # Offline: nothing but the server under test may be asked for anything.
    page.on(
        "request",
        lambda r: (
            None
            if r.url.startswith(("http://127.0.0.1", "data:"))
            else problems.append("outside request: " + r.url)
        ),
    )
    return page, problems


def test_dashboard_map_timeline_and_filters(browser: Any, server: str, artifacts: Path) -> None:
    page, problems = _page(browser)
    page.goto(server + "/")
    _wait_for(page, MAP_READY)
    assert problems == []
    points = int(page.get_attribute("#map", "data-points") or 0)
    markers = int(page.get_attribute("#map", "data-markers") or 0)
    assert points > 0 and 0 < markers <= points  # events at one place share a marker
    assert page.locator("path.event-point").count() == markers
    assert page.locator("#timeline rect").count() > 0
    total = int(page.inner_text("#total"))
    page.screenshot(path=str(artifacts / "dashboard.png"), full_page=True)

    page.select_option("#filter-type", "Armed clash")
    page.fill("input[name=country]", "SYR")
    page.click("#apply-filters")
    _wait_for(page, "location.search.includes('country=SYR') && document.readyState === 'complete'")
    _wait_for(page, MAP_READY)
    filtered = int(page.inner_text("#total"))
    assert 0 < filtered < total
    types = page.locator("table#events a.event-link").all_inner_texts()
    assert types and set(types) == {"Armed clash"}
    assert "country=SYR" in page.url
    page.screenshot(path=str(artifacts / "dashboard-filtered.png"), full_page=True)
    assert problems == []


def test_event_page_highlights_spans(browser: Any, server: str, artifacts: Path) -> None:
    page, problems = _page(browser)
    page.goto(server + "/?type=Attack")
    page.locator("table#events a.event-link").first.click()
    _wait_for(page, "document.body.getAttribute('data-highlighted') === 'true'")
    block = page.locator(".mention-text").first
    text = block.inner_text()
    for role in ("trigger", "location"):
        marks = block.locator(f"mark.span-{role}")
        assert marks.count() >= 1, role
        assert marks.first.inner_text() in text
    assert page.locator("#claim .claim").count() == 1
    page.screenshot(path=str(artifacts / "event.png"), full_page=True)
    assert problems == []


def test_arabic_mention_is_rtl(browser: Any, server: str, artifacts: Path) -> None:
    import json
    import urllib.request

    events = json.load(urllib.request.urlopen(server + "/api/events?limit=200"))["events"]
    ar = next(e for e in events if e["mentions"][0]["language"] == "ar")
    page, problems = _page(browser)
    page.goto(server + "/events/" + ar["event_id"])
    _wait_for(page, "document.body.getAttribute('data-highlighted') === 'true'")
    block = page.locator(".mention-text").first
    assert block.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert (
        block.locator("mark.span-location").inner_text()
        == ar["mentions"][0]["text"][
            ar["mentions"][0]["spans"]["location"][0] : ar["mentions"][0]["spans"]["location"][1]
        ]
    )
    page.screenshot(path=str(artifacts / "event-arabic.png"), full_page=True)
    assert problems == []


def test_hostile_article_text_does_not_run(browser: Any, server: str, artifacts: Path) -> None:
    page, problems = _page(browser)
    # The store gives the event the stable id of its smallest mention (as extract).
    with urllib.request.urlopen(server + "/api/events?limit=1000") as response:
        events = json.load(response)["events"]
    [hostile] = [e for e in events if {m["article_id"] for m in e["mentions"]} == {"hostile"}]
    page.goto(server + f"/events/{hostile['event_id']}")
    _wait_for(page, "document.body.getAttribute('data-highlighted') === 'true'")
    assert page.title() != "pwned"
    block = page.locator(".mention-text").first
    assert block.locator("img, script").count() == 0
    assert "<script>document.title='pwned'</script>" in block.inner_text()
    assert block.locator("mark.span-trigger").inner_text() == "Gunmen attacked"
    page.goto(server + "/articles/hostile")
    assert page.title() != "pwned"
    assert page.locator("main img, main script").count() == 0
    page.screenshot(path=str(artifacts / "hostile.png"), full_page=True)
    assert problems == []


# The bundled sample, extracted by the real pipeline (issue 5).
def test_sample_dashboard_filter_and_event_spans(
    browser: Any, sample_server: str, artifacts: Path
) -> None:
    page, problems = _page(browser)
    page.goto(sample_server + "/")
    _wait_for(page, MAP_READY)
    total = page.locator("table#events a.event-link").count()
    assert total >= 20
    # The README's pictures come from the bundled sample, not from synthetic events
    # (the dashboard's: test_sample_dashboard_screenshots_at_both_sizes).
    page.goto(sample_server + "/?country=SYR")
    _wait_for(page, MAP_READY)
    syria = page.locator("table#events a.event-link").count()
    assert 0 < syria < total
    page.locator("table#events a.event-link").first.click()
    _wait_for(page, "document.body.getAttribute('data-highlighted') === 'true'")
    block = page.locator(".mention-text").first
    text = block.inner_text()
    for role in ("trigger", "location"):
        marks = block.locator(f"mark.span-{role}")
        assert marks.count() >= 1, role
        assert marks.first.inner_text() in text
    page.screenshot(path=str(artifacts / "sample-event.png"), full_page=True)
    page.screenshot(path=str(REPO / "docs" / "screenshots" / "event.png"), full_page=True)
    assert problems == []


def test_offline_basemap_shows_countries_labels_and_a_legend(browser: Any, server: str) -> None:
    page, problems = _page(browser, DESKTOP)
    page.goto(server + "/")
    _wait_for(page, MAP_READY)
    # Natural Earth's 177 countries, drawn from the vendored TopoJSON (no request leaves
    # the server: _page records any as a problem).
    assert page.get_attribute("#map", "data-basemap") == "177"
    assert page.locator("#map path.country").count() >= 150
    labels = page.locator("#map .country-label")
    assert int(page.get_attribute("#map", "data-labels") or 0) == labels.count() > 3
    assert "Syria" in labels.all_inner_texts() or "Iraq" in labels.all_inner_texts()
    # basemap under the events
    assert page.evaluate(
        "+getComputedStyle(document.querySelector('.leaflet-basemap-pane')).zIndex"
        " < +getComputedStyle(document.querySelector('.leaflet-overlay-pane')).zIndex"
    )
    legend = page.locator("#map-legend li").all_inner_texts()
    assert len(legend) == 6 and any(t.startswith("Battles (") for t in legend)
    fills = (
        "[...new Set([...document.querySelectorAll('path.event-point')]"
        ".map(p => p.getAttribute('fill')))]"
    )
    # coloured by event type, as the legend says
    for sub_type, colour in (("Armed clash", "#c0392b"), ("Peaceful protest", "#2471a3")):
        page.goto(server + "/?type=" + sub_type)
        _wait_for(page, MAP_READY)
        assert page.evaluate(fills) == [colour], sub_type
    assert problems == []


def test_timeline_has_ticks_and_brushing_sets_the_period(browser: Any, server: str) -> None:
    page, problems = _page(browser, DESKTOP)
    page.goto(server + "/")
    _wait_for(page, MAP_READY)
    ticks = page.locator("#timeline-ticks .tick")
    assert ticks.count() >= 2
    lefts = page.evaluate(
        "[...document.querySelectorAll('#timeline-ticks .tick')].map(t => t.offsetLeft)"
    )
    assert lefts == sorted(lefts) and lefts[-1] > lefts[0]  # spread along the axis
    total = int(page.inner_text("#total"))
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.3, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=5)
    page.mouse.up()
    _wait_for(page, "location.search.includes('until=') && document.readyState === 'complete'")
    _wait_for(page, MAP_READY)
    since = page.input_value("input[name=since]")
    until = page.input_value("input[name=until]")
    assert since and until and since < until
    assert f"since={since}" in page.url and f"until={until}" in page.url
    assert 0 < int(page.inner_text("#total")) < total
    assert problems == []


def test_phone_layout_has_no_horizontal_scroll(browser: Any, server: str, artifacts: Path) -> None:
    page, problems = _page(browser, PHONE)
    page.goto(server + "/")
    _wait_for(page, MAP_READY)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    header = page.locator("header.top").bounding_box()
    assert header["height"] < 60  # one line, not four
    assert not page.locator("#filters").is_visible()  # folded away behind a button
    page.click("#filters-toggle")
    assert page.locator("#filters").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    scroller = page.locator(".table-scroll")
    assert scroller.evaluate("el => el.scrollWidth > el.clientWidth")  # scrolls in its panel
    page.screenshot(path=str(artifacts / "dashboard-390.png"), full_page=True)
    assert problems == []


def test_sample_dashboard_screenshots_at_both_sizes(browser: Any, sample_server: str) -> None:
    shots = REPO / "docs" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    for size in (DESKTOP, PHONE):
        page, problems = _page(browser, size)
        page.goto(sample_server + "/")
        _wait_for(page, MAP_READY)
        assert page.get_attribute("#map", "data-basemap") == "177"
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        name = f"dashboard-{size['width']}x{size['height']}.png"
        page.screenshot(path=str(shots / name))
        assert problems == []
