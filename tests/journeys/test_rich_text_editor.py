"""The rich text editor in real Chromium: writing with the toolbar, the keyboard, the
no-JavaScript fallback, and XSS payloads rendered where inline script is allowed to run."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from hub.core.richtext import LINK_REL
from tests.axe import assert_accessible
from tests.unit.core.test_richtext import NAMED_CASES

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("tests.journeys.richtext_urls"),
]

EDITOR_PAGE = "/_test/rich-text/"
RELAXED_PAGE = "/_test/rich-text/relaxed/"
UNSANITISED_PAGE = "/_test/rich-text/unsanitised/"
PAYLOAD_FILE = Path(__file__).resolve().parents[1] / "data" / "xss" / "xss-payload-list.txt"
BATCH_SIZE = 50

# Flags any call of the dialog functions payloads use, in every document of the page.
XSS_PROBE = """
window.__xss_fired = false;
for (const name of ["alert", "confirm", "prompt", "print"]) {
  const original = window[name];
  window[name] = function (...args) {
    window.__xss_fired = true;
    return name === "print" ? undefined : original.apply(this, args);
  };
}
"""


def button(page, name):
    return page.get_by_role("button", name=name, exact=True)


def editor_of(page):
    return page.get_by_role("textbox", name="Your story", exact=True)


def test_writing_with_the_toolbar_sends_formatted_html(page):
    page.goto(EDITOR_PAGE)
    editor = editor_of(page)
    expect(editor).to_be_visible()
    expect(editor).to_have_attribute("aria-multiline", "true")
    expect(page.locator("textarea[name=story]")).to_be_hidden()
    expect(page.get_by_role("toolbar", name="Formatting: Your story")).to_be_visible()
    for name in [
        "Heading",
        "Subheading",
        "Bold",
        "Italic",
        "Bulleted list",
        "Numbered list",
        "Link",
        "Quote",
        "Table",
        "Undo formatting",
    ]:
        expect(button(page, name)).to_have_attribute("type", "button")
    assert_accessible(page)

    editor.click()
    button(page, "Heading").click()
    expect(button(page, "Heading")).to_have_attribute("aria-pressed", "true")
    page.keyboard.type("A near miss on ward 7")
    page.keyboard.press("Enter")
    expect(button(page, "Heading")).to_have_attribute("aria-pressed", "false")
    page.keyboard.type("We found that ")
    button(page, "Bold").click()
    page.keyboard.type("checklists help")
    expect(button(page, "Bold")).to_have_attribute("aria-pressed", "true")
    button(page, "Bold").click()
    page.keyboard.type(".")
    page.keyboard.press("Enter")
    button(page, "Bulleted list").click()
    page.keyboard.type("Check twice")
    page.keyboard.press("Enter")
    page.keyboard.type("Ask for help")
    expect(button(page, "Bulleted list")).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.keyboard.type("Read the guide: ")
    page.once("dialog", lambda dialog: dialog.accept("https://example.org/guide"))
    button(page, "Link").click()
    expect(editor.locator("a")).to_have_attribute("href", "https://example.org/guide")
    assert_accessible(page)

    button(page, "Publish").click()

    rendered = page.locator("#rendered")
    expect(rendered.locator("h2")).to_have_text("A near miss on ward 7")
    expect(rendered.locator("p strong")).to_have_text("checklists help")
    expect(rendered.locator("ul > li")).to_have_text(["Check twice", "Ask for help"])
    link = rendered.locator("a")
    expect(link).to_have_attribute("href", "https://example.org/guide")
    expect(link).to_have_attribute("rel", LINK_REL)
    expect(link).to_have_text("https://example.org/guide")
    # The published HTML loads back into the editor unchanged.
    expect(editor.locator("h2")).to_have_text("A near miss on ward 7")


def test_keyboard_shortcuts_focus_and_target_size(page):
    page.goto(EDITOR_PAGE)
    editor = editor_of(page)

    # One tab stop for the toolbar, arrow keys within it, then Tab into the editor.
    page.locator("main").focus()
    first = button(page, "Heading")
    first.focus()
    assert first.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    page.keyboard.press("ArrowRight")
    expect(button(page, "Subheading")).to_be_focused()
    page.keyboard.press("End")
    expect(button(page, "Undo formatting")).to_be_focused()
    page.keyboard.press("Tab")
    expect(editor).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(button(page, "Undo formatting")).to_be_focused()

    for toolbar_button in page.get_by_role("toolbar").get_by_role("button").all():
        box = toolbar_button.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, toolbar_button.text_content()

    editor.click()
    page.keyboard.press("ControlOrMeta+b")
    page.keyboard.type("bold")
    page.keyboard.press("ControlOrMeta+b")
    page.keyboard.press("ControlOrMeta+i")
    page.keyboard.type(" italic")
    page.keyboard.press("ControlOrMeta+i")
    page.keyboard.type(" plain")
    expect(editor.locator("b, strong")).to_have_text("bold")
    expect(editor.locator("i, em")).to_have_text(" italic")
    textarea = page.locator("textarea[name=story]")
    assert textarea.input_value() == "<p><strong>bold</strong><em> italic</em> plain</p>"

    # Dangerous links are refused with a message; the text stays as it was.
    page.keyboard.press("Shift+Home")
    page.once("dialog", lambda dialog: dialog.accept("javascript:alert(1)"))
    button(page, "Link").click()
    expect(page.get_by_role("status")).to_contain_text("links must start with https://")
    assert editor.locator("a").count() == 0

    # Undo formatting strips bold and italic from the selection.
    page.keyboard.press("ControlOrMeta+a")
    button(page, "Undo formatting").click()
    assert textarea.input_value() == "<p>bold italic plain</p>"

    # Quote and Table.
    page.keyboard.press("End")
    button(page, "Quote").click()
    expect(button(page, "Quote")).to_have_attribute("aria-pressed", "true")
    expect(editor.locator("blockquote")).to_have_text("bold italic plain")
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    button(page, "Quote").click()
    button(page, "Table").click()
    table = editor.locator("table")
    expect(table.locator("thead th[scope=col]")).to_have_count(2)
    expect(table.locator("tbody tr")).to_have_count(2)
    expect(table.locator("tbody td")).to_have_count(4)

    button(page, "Publish").click()
    rendered = page.locator("#rendered")
    expect(rendered.locator("blockquote")).to_have_text("bold italic plain")
    expect(rendered.locator("table thead th[scope=col]")).to_have_count(2)


def test_without_javascript_the_plain_textarea_works(browser, live_server):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    try:
        page = context.new_page()
        page.goto(EDITOR_PAGE)
        textarea = page.get_by_label("Your story", exact=True)
        expect(textarea).to_be_visible()
        assert page.get_by_role("toolbar").count() == 0
        textarea.fill("First paragraph.\n\nSecond paragraph\nwith a line break.\n\n- one\n- two")
        page.get_by_role("button", name="Publish").click()
        rendered = page.locator("#rendered")
        expect(rendered.locator("p")).to_have_count(2)
        assert rendered.inner_html().strip() == (
            "<p>First paragraph.</p><p>Second paragraph<br>with a line break.</p>"
            "<ul><li>one</li><li>two</li></ul>"
        )

        # Nothing written: the field says so and keeps the page usable.
        page.goto(EDITOR_PAGE)
        page.get_by_label("Your story", exact=True).fill("   ")
        page.get_by_role("button", name="Publish").click()
        expect(page.get_by_text("Please write something here.")).to_be_visible()
    finally:
        context.close()


def xss_sample() -> list[str]:
    lines = PAYLOAD_FILE.read_text(encoding="utf-8").split("\n")
    lines = [line.rstrip("\r") for line in lines if line.strip()]
    return lines[::22] + list(NAMED_CASES.values())


def watch_for_script(page) -> tuple[list[str], list[str]]:
    dialogs: list[str] = []
    console: list[str] = []

    def on_dialog(dialog):
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(XSS_PROBE)
    return dialogs, console


def submit_raw(page, path: str, value: str):
    page.goto(path)
    page.locator("#story-form textarea[name=story]").fill(value)
    with page.expect_navigation():
        page.get_by_role("button", name="Publish").click()
    page.wait_for_load_state("load")
    page.wait_for_timeout(200)  # timers, transitions and focus handlers


def test_harness_detects_script_that_runs(page):
    """The control: unsanitised markup on the relaxed page does run, so silence means safe."""
    dialogs, _ = watch_for_script(page)
    submit_raw(page, UNSANITISED_PAGE, "<img src=x onerror=alert(1)>")
    page.wait_for_function("window.__xss_fired === true")
    assert dialogs == ["alert: 1"]


def test_xss_payloads_do_not_run_when_rendered(page):
    response = page.goto(EDITOR_PAGE)
    assert "unsafe-inline" not in response.headers["content-security-policy"]
    response = page.goto(RELAXED_PAGE)
    assert "'unsafe-inline'" in response.headers["content-security-policy"]

    dialogs, console = watch_for_script(page)
    sample = xss_sample()
    assert len(sample) >= 300
    rendered_text = loaded_text = 0
    for start in range(0, len(sample), BATCH_SIZE):
        batch = sample[start : start + BATCH_SIZE]
        value = "\n".join(batch)
        submit_raw(page, RELAXED_PAGE, value)
        expect(page.locator("#rendered")).to_be_attached()
        lines = [line for line in value.split("\n") if line.strip()]
        expect(page.locator("#rendered-each > div")).to_have_count(len(lines))
        # The raw batch also went back into an editor (editor.js's own cleaning).
        expect(
            page.get_by_role("textbox", name="Payloads, loaded into the editor")
        ).to_be_attached()
        assert page.url.endswith(RELAXED_PAGE), f"a payload navigated away: batch {start}"
        fired = page.evaluate("window.__xss_fired")
        assert not fired and not dialogs, f"batch {start}: {dialogs} {batch}"
        rendered = "#rendered, #rendered-each"
        for selector in ["script", "img", "svg", "iframe", "[onerror]", "[style]", "[src]"]:
            assert page.locator(f":is({rendered}) {selector}").count() == 0, selector
        assert page.locator(".rte-editor script, .rte-editor img, .rte-editor svg").count() == 0
        rendered_text += len(page.locator("#rendered-each").inner_text())
        loaded_text += len(page.locator(".rte-editor").inner_text())
    # The payloads really were rendered and loaded (the test is not passing on empty pages).
    assert rendered_text > 500 and loaded_text > 500, (rendered_text, loaded_text)
    assert not [line for line in console if "xss" in line.lower()], console
