"""Drive a page with the keyboard alone, checking that focus can always be seen."""

from playwright.sync_api import Locator, Page

# What the focused element shows: a real outline (at least 2 px) or a box shadow.
FOCUS_INDICATOR = """() => {
  const element = document.activeElement;
  // Past the last stop focus leaves the page for the browser's own controls; Tab comes back.
  if (element === document.body) return { element: "body", visible: true };
  const style = getComputedStyle(element);
  const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  return {
    element: element.outerHTML.slice(0, 120),
    visible: outlined || style.boxShadow !== "none",
  };
}"""


# No htmx request in flight or swap in progress, and focus on a control rather than the page.
HTMX_AT_REST = """() => !document.querySelector(".htmx-request, .htmx-swapping, .htmx-settling")
  && document.activeElement !== document.body"""


def tab_to(page: Page, target: Locator, *, max_presses: int = 60, backwards: bool = False) -> None:
    """Press Tab until `target` has focus; every element passed on the way must show focus."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(max_presses):
        page.keyboard.press(key)
        focus = page.evaluate(FOCUS_INDICATOR)
        assert focus["visible"], f"no visible focus indicator on {focus['element']}"
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{max_presses} presses of {key} never reached {target}")


def arrow_to(page: Page, target: Locator, *, max_presses: int = 12) -> None:
    """Move through a radio group with the arrow keys to `target`, then choose it with Space
    (Tab into a group focuses its first radio without choosing it)."""
    for _ in range(max_presses):
        if target.evaluate("element => element === document.activeElement"):
            page.keyboard.press("Space")
            return
        page.keyboard.press("ArrowDown")
        # Choosing a radio may send an htmx request that swaps the group for a new one; look
        # again only once that is over and focus is back, as a person would.
        page.wait_for_function(HTMX_AT_REST)
    raise AssertionError(f"{max_presses} presses of ArrowDown never reached {target}")


def choose_option(page: Page, select: Locator, value: str, *, max_presses: int = 15) -> None:
    """On a focused, closed <select>, press ArrowDown until `value` is chosen."""
    for _ in range(max_presses):
        if select.input_value() == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{max_presses} presses of ArrowDown never chose {value!r} in {select}")
