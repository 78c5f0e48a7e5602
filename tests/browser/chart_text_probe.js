// Lists chart text drawn smaller than 12 CSS pixels. An SVG scaled by its viewBox shrinks its
// text with it, so SVG text is measured through its screen transform, not its font-size alone.
(minimum) => {
  const problems = [];
  for (const chart of document.querySelectorAll(".chart")) {
    const walker = document.createTreeWalker(chart, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      const text = node.data.trim();
      if (!text || element.closest("title, desc") || !element.getClientRects().length) continue;
      const fontSize = parseFloat(getComputedStyle(element).fontSize);
      const scale = element instanceof SVGElement ? element.getScreenCTM().a : 1;
      const rendered = fontSize * scale;
      if (rendered < minimum - 0.01) {
        problems.push(`"${text.slice(0, 40)}" renders at ${rendered.toFixed(1)}px`);
      }
    }
  }
  return problems.slice(0, 15);
}
