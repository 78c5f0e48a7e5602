// Lists what reaches past the right edge of the viewport: either the whole page scrolls
// sideways, or an element is cut off because an ancestor clips it. Content inside its own
// scroll container (a wide table in a scrolling region) may scroll and is not reported.
() => {
  const width = document.documentElement.clientWidth;
  const pageWidth = document.scrollingElement.scrollWidth;
  const problems = [];
  if (pageWidth > width) {
    problems.push(`the page scrolls sideways: ${pageWidth}px of content in ${width}px`);
  }
  const scrollsOnItsOwn = (element) => {
    for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
      const overflowX = getComputedStyle(node).overflowX;
      if (overflowX === "auto" || overflowX === "scroll") return true;
    }
    return false;
  };
  const isHidden = (element) => {
    const style = getComputedStyle(element);
    return style.visibility === "hidden" || style.clip === "rect(0px, 0px, 0px, 0px)";
  };
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1) continue;
    if (isHidden(element) || scrollsOnItsOwn(element)) continue;
    const name = element.tagName.toLowerCase() + (element.className ? `.${element.className}` : "");
    problems.push(`${name} ends at ${Math.round(box.right)}px: "${element.textContent.trim().slice(0, 40)}"`);
  }
  return problems.slice(0, 10);
}
