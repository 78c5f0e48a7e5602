// After htmx swaps in a questionnaire step or the result, move keyboard and screen-reader
// focus to its heading, so the new content is announced and Tab continues from there.
document.addEventListener("htmx:afterSwap", (event) => {
  if (event.detail.target.id !== "questionnaire") {
    return;
  }
  const heading = event.detail.target.querySelector("#step-heading");
  if (heading) {
    heading.focus();
  }
});
