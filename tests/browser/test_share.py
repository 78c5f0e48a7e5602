from playwright.sync_api import Browser, Page, expect

ROLE = "/roles/site-reliability-engineer/"
CANONICAL = "http://127.0.0.1:8000" + ROLE


def test_share_button_copies_the_link_and_says_so_where_there_is_no_share_sheet(
    page: Page, gate_site
):
    # Desktop Chromium on Linux has no share sheet; make sure of it, and allow the clipboard.
    page.add_init_script("delete Navigator.prototype.share;")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=gate_site)
    page.goto(gate_site + ROLE)
    page.get_by_role("button", name="Share this role").click()
    expect(page.get_by_role("status")).to_have_text(
        "Link copied. Paste it wherever you want to share it."
    )
    assert page.evaluate("navigator.clipboard.readText()") == CANONICAL


def test_share_button_opens_the_share_sheet_where_there_is_one(page: Page, gate_site):
    page.add_init_script(
        "navigator.share = (data) => { window.sharedWith = data; return Promise.resolve(); };"
    )
    page.goto(gate_site + ROLE)
    page.get_by_role("button", name="Share this role").click()
    expect(page.get_by_role("status")).to_have_text("")
    shared = page.evaluate("window.sharedWith")
    assert shared == {"title": "Site Reliability Engineer", "url": CANONICAL}


def test_without_javascript_the_link_to_copy_is_shown_and_the_button_is_not(
    browser: Browser, gate_site
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(gate_site + ROLE)
    expect(page.get_by_role("link", name=CANONICAL)).to_be_visible()
    expect(page.get_by_role("button", name="Share this role")).to_be_hidden()
    context.close()


def test_section_links_lead_to_each_section(page: Page, gate_site):
    page.goto(gate_site + ROLE)
    for anchor, name in (("salary", "Pay in 2026"), ("skills", "Skills"), ("path", "How to get")):
        page.get_by_role("link", name=f"Link to the section {name}").click()
        expect(page).to_have_url(gate_site + ROLE + "#" + anchor)


def test_printed_role_page_leaves_out_navigation_and_controls(page: Page, gate_site):
    page.goto(gate_site + ROLE)
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    expect(page.get_by_role("button", name="Share this role")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Ranking")).to_be_hidden()
    expect(page.get_by_role("heading", name="Pay in 2026")).to_be_visible()
