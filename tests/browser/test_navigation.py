from playwright.sync_api import Page, expect


def test_reader_opens_a_role_from_the_ranking_and_walks_to_the_next(page: Page, gate_site):
    page.goto(gate_site + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("best-paid")
    page.get_by_role("link", name="Rank 1: Principal DevOps Engineer").click()
    expect(page).to_have_url(gate_site + "/roles/principal-devops-engineer/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Principal DevOps Engineer")
    page.get_by_role("link", name="#2 Staff Backend Engineer").click()
    expect(page).to_have_url(gate_site + "/roles/staff-backend-engineer/")


def test_skip_link_moves_focus_to_the_main_content(page: Page, gate_site):
    page.goto(gate_site + "/faq/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(gate_site + "/faq/#main")
