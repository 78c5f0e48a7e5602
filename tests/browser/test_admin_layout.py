"""The admin's pay figures fit their boxes: six digits in every number input on a phone, and
the role list's editable columns within a 1280 px screen (issue 24)."""

from django.contrib.auth.models import User
from playwright.sync_api import Browser

PASSWORD = "a-long-pass-phrase"


def signed_in_page(browser: Browser, site: str, *, width: int, height: int):
    User.objects.create_superuser("pat.editor", "pat@example.com", PASSWORD)
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(site + "/admin/login/")
    page.get_by_label("Username").fill("pat.editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    return context, page


def test_number_inputs_show_six_digits_on_a_phone(browser: Browser, site):
    context, page = signed_in_page(browser, site, width=375, height=812)
    try:
        cut = []
        for path in ("/admin/careers/role/", "/admin/careers/role/?q=platform"):
            page.goto(site + path)
            cut += cut_inputs(page)
        page.get_by_role("link", name="Platform Engineer", exact=True).click()
        cut += cut_inputs(page)
        assert cut == []
    finally:
        context.close()


def cut_inputs(page) -> list[str]:
    """The number inputs too narrow to show "185000" whole."""
    return page.evaluate(
        """() => {
              const context = document.createElement("canvas").getContext("2d");
              return [...document.querySelectorAll('input[type="number"]')]
                .filter((input) => input.offsetParent !== null)
                .filter((input) => {
                  const style = getComputedStyle(input);
                  context.font = style.font;
                  const room = input.clientWidth - parseFloat(style.paddingLeft)
                    - parseFloat(style.paddingRight);
                  return context.measureText("185000").width > room;
                })
                .map((input) => `${input.id} (${input.clientWidth}px)`);
            }"""
    )


def test_the_role_list_fits_a_desktop_screen(browser: Browser, site):
    context, page = signed_in_page(browser, site, width=1280, height=800)
    try:
        page.goto(site + "/admin/careers/role/")
        overflow = page.evaluate(
            """() => {
              const results = document.querySelector("#changelist .results");
              return [results.scrollWidth, results.clientWidth];
            }"""
        )
        assert overflow[0] <= overflow[1], f"the list is {overflow[0]}px in {overflow[1]}px"
    finally:
        context.close()
