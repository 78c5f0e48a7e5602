// The home page's compare bar follows the ticked roles: its button names how many are ticked,
// so nobody scrolls to the end of the list to find it. Without JavaScript the same button
// submits whatever is ticked.
document.addEventListener("change", (event) => {
  const form = event.target.closest(".compare-picker");
  if (!form || event.target.name !== "roles") {
    return;
  }
  const ticked = form.querySelectorAll('input[name="roles"]:checked').length;
  const button = form.querySelector("[data-compare-bar] button");
  const count = form.querySelector("[data-compare-count]");
  button.textContent = ticked ? `Compare ${ticked} role${ticked === 1 ? "" : "s"}` : "Compare selected roles";
  count.textContent =
    ticked === 1 ? "Tick at least one more." : ticked > 4 ? "At most four fit side by side." : "";
});
