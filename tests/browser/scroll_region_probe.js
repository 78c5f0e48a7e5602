// Lists what scrolls sideways but cannot be reached or named: a keyboard user must be able to
// focus the region to scroll it, and a screen reader user must hear what it holds.
() => {
  const accessibleName = (element) => {
    const labelledBy = element.getAttribute("aria-labelledby");
    if (labelledBy) {
      return labelledBy
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent.trim() ?? "")
        .join(" ")
        .trim();
    }
    return (element.getAttribute("aria-label") ?? "").trim();
  };
  const problems = [];
  for (const element of document.body.querySelectorAll("*")) {
    const overflowX = getComputedStyle(element).overflowX;
    if (overflowX !== "auto" && overflowX !== "scroll") continue;
    if (element.scrollWidth <= element.clientWidth + 1) continue;
    const name = element.tagName.toLowerCase() + (element.id ? `#${element.id}` : "");
    if (element.tabIndex < 0) problems.push(`${name} scrolls sideways but is not focusable`);
    if (!accessibleName(element)) problems.push(`${name} scrolls sideways but has no label`);
    if (!element.getAttribute("role")) problems.push(`${name} scrolls sideways but has no role`);
  }
  return problems;
}
