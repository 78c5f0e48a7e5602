// After htmx swaps in a questionnaire step or the result, move keyboard and screen-reader
// focus to its heading, so the new content is announced and Tab continues from there.
// A history restore swaps the whole page and carries no target: nothing to focus then.
document.addEventListener("htmx:afterSwap", (event) => {
  if (event.detail.target?.id !== "questionnaire") {
    return;
  }
  const heading = event.detail.target.querySelector("#step-heading");
  if (heading) {
    heading.focus();
  }
});

// Before a submitted step's answer is pushed as a new history entry, rewrite the entry being
// left with the address of the step just answered (the server names it), so the browser's
// Back and Forward re-render that step from its address with every answer in place.
document.addEventListener("htmx:beforeHistoryUpdate", (event) => {
  const answered = event.detail.xhr.getResponseHeader("X-Answered-Step-Url");
  if (answered && event.detail.requestConfig?.elt.matches("form.questionnaire__form")) {
    history.replaceState({ htmx: true }, "", answered);
  }
});
