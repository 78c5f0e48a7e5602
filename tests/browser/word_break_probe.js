// Lists every word the browser split across two lines ("compensatio / n"). A word is what
// Intl.Segmenter calls word-like, so a line may still end after the "/" of "Go/Rust" or the
// "-" of a hyphenated term, but never inside "compensation" or "$135,000". Folded <details>
// are opened first so the tables inside them are measured too.
() => {
  for (const details of document.querySelectorAll("details")) details.open = true;
  const segmenter = new Intl.Segmenter("en", { granularity: "word" });
  const range = document.createRange();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const describe = (element) => {
    const classes = element.classList.length ? `.${[...element.classList].join(".")}` : "";
    return element.tagName.toLowerCase() + classes;
  };
  const onSeveralLines = (rects) =>
    rects.some((rect) => rect.top >= rects[0].bottom - 1 || rect.bottom <= rects[0].top + 1);
  const problems = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement || node.parentElement.closest("script, style")) continue;
    for (const { segment, index, isWordLike } of segmenter.segment(node.data)) {
      if (!isWordLike || segment.length < 2) continue;
      range.setStart(node, index);
      range.setEnd(node, index + segment.length);
      const rects = [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
      if (rects.length > 1 && onSeveralLines(rects)) {
        problems.push(`"${segment}" is broken across lines in ${describe(node.parentElement)}`);
      }
    }
  }
  return problems.slice(0, 15);
}
