"""The HTML report of a real run, opened from disk in Debian's chromium (headless, through Playwright with
the system browser; never a downloaded one): it makes no network request, its tables have the JSON's rows,
a filter narrows them, and a flip opens in the task browser with its fault line and answers marked.

``scripts/test.sh`` installs chromium and sets FLIPBENCH_REQUIRE_BROWSER, so that a missing browser fails
the suite instead of skipping this test. The screenshot is kept next to pytest's temporary folders
(and copied into ``$FLIPBENCH_SCREENSHOTS`` when set).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from reportkit import CHAT, flipbench

CHROMIUM = Path("/usr/bin/chromium")
ARGUMENTS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if sync_playwright is None or not CHROMIUM.exists():
        message = "the browser test needs playwright (the test extra) and Debian's chromium (scripts/setup.sh --test)"
        if os.environ.get("FLIPBENCH_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    return sync_playwright


@pytest.fixture(scope="module")
def page_and_data(report_run, tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    html = folder / "report.html"
    data = json.loads(flipbench("report", str(report_run), "--out", str(html), "--format", "json",
                                "--max-tasks", "60").stdout)
    sync_playwright = _playwright()
    requests, errors = [], []
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(folder / "profile"), executable_path=str(CHROMIUM), args=ARGUMENTS, headless=True,
            viewport={"width": 1440, "height": 1000})
        try:
            def route(route):
                if route.request.url.startswith("file://"):
                    route.continue_()
                else:
                    requests.append(route.request.url)
                    route.abort()

            context.route("**/*", route)
            page = context.new_page()
            page.on("request", lambda request: None if request.url.startswith("file://") else requests.append(request.url))
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
            page.goto(html.as_uri())
            yield page, data, requests, errors, tmp_path_factory.getbasetemp()
        finally:
            context.close()


def test_the_report_opens_from_disk_without_any_network_request_or_script_error(page_and_data):
    page, _, requests, errors, _ = page_and_data
    assert page.title().startswith("flipbench report")
    assert requests == [] and errors == []


def test_every_table_on_the_page_has_the_rows_of_the_json_report(page_and_data):
    page, data, *_ = page_and_data
    for name in ("accuracy", "flips", "strength", "strength_slopes", "position", "distance", "groups", "versions",
                 "fault", "counts", "study_view"):
        assert page.locator(f'table[data-table="{name}"] tbody tr').count() == len(data[name]), name


def test_a_filter_narrows_every_table_to_the_chosen_localizer(page_and_data):
    page, data, *_ = page_and_data
    page.select_option('#filters select[data-filter="localizer"]', CHAT)
    shown = page.locator('table[data-table="flips"] tbody tr:not([hidden])')
    assert shown.count() == sum(row["localizer"] == CHAT for row in data["flips"])
    assert set(shown.evaluate_all("rows => rows.map(row => row.dataset.localizer)")) == {CHAT}
    assert page.locator('[data-count-for="flips"]').inner_text().endswith(f"of {len(data['flips'])} rows")
    page.click("#reset-filters")
    assert page.locator('table[data-table="flips"] tbody tr:not([hidden])').count() == len(data["flips"])


def test_a_flip_count_opens_the_flip_with_its_fault_line_and_answers_marked(page_and_data):
    page, data, *_ = page_and_data
    row = next(row for row in data["flips"] if row["localizer"] == CHAT and row["flips"])
    page.click(f'a.open-flips[data-localizer="{CHAT}"][data-condition="{row["condition"]}"]')
    view = page.locator("#pair-view")
    assert view.locator(".outcome").first.inner_text() == "flip"
    assert row["condition"] in view.locator(".pair-meta").inner_text()
    pair = page.evaluate("() => JSON.parse(document.getElementById('flipbench-data').textContent).browser.pairs"
                         f".find(p => p.outcome === 'flip' && p.localizer === '{CHAT}' && "
                         f"p.condition === '{row['condition']}')")
    before = view.locator('.code[data-side="before"]')
    after = view.locator('.code[data-side="after"]')
    assert before.locator(".ln.fault").first.get_attribute("data-line") == str(pair["fault_lines_before"][0])
    assert after.locator(".ln.fault").first.get_attribute("data-line") == str(pair["fault_lines_after"][0])
    assert before.locator(".ln.pred-before").get_attribute("data-line") == str(pair["before"]["lines"][0])
    assert after.locator(".ln.pred-after").get_attribute("data-line") == str(pair["after"]["lines"][0])
    assert pair["after"]["lines"][0] not in pair["fault_lines_after"]
    assert view.locator(".answer.after .verdict-wrong").count() == 1
    view.locator("summary", has_text="Prompt as sent: the variant").click()
    assert "Can you give me the exact line number" in view.locator(".prompt-user").first.inner_text()


def test_the_diff_view_keeps_the_marks_and_a_screenshot_is_kept(page_and_data):
    page, _, requests, errors, basetemp = page_and_data
    page.click('#pair-view .view-switch button[data-view="diff"]')
    diff = page.locator('#pair-view .code[data-side="diff"]')
    assert diff.locator(".ln.fault").count() >= 1 and diff.locator(".ln.pred-after").count() == 1
    assert diff.locator(".ln.added").count() + diff.locator(".ln.removed").count() >= 1
    page.click('#pair-view .view-switch button[data-view="side"]')
    screenshot = basetemp / "report-browser.png"
    page.locator("#browser").screenshot(path=str(screenshot))
    page.screenshot(path=str(basetemp / "report-page.png"), full_page=True)
    assert screenshot.stat().st_size > 20_000
    if os.environ.get("FLIPBENCH_SCREENSHOTS"):
        target = Path(os.environ["FLIPBENCH_SCREENSHOTS"])
        target.mkdir(parents=True, exist_ok=True)
        for name in ("report-browser.png", "report-page.png"):
            shutil.copy(basetemp / name, target / name)
    assert requests == [] and errors == []
