// The plan page: keep plans in this browser (localStorage only, nothing is sent anywhere) and
// keep keyboard focus on the control just changed when htmx swaps the plan in again.
(() => {
  const STORE = "next-episode:plans";
  const MOST = 10;

  function savedPlans() {
    try {
      const plans = JSON.parse(localStorage.getItem(STORE) || "[]");
      return Array.isArray(plans) ? plans : [];
    } catch {
      return [];
    }
  }

  function render(box) {
    const list = box.querySelector("[data-saved-list]");
    const plans = savedPlans();
    box.querySelector("[data-saved-empty]").hidden = plans.length > 0;
    list.replaceChildren(
      ...plans.map((plan) => {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = plan.url;
        link.textContent = `${plan.title} (saved ${new Date(plan.saved).toLocaleDateString()})`;
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "button button--secondary";
        remove.textContent = `Remove ${plan.title}`;
        remove.dataset.removePlan = plan.url;
        item.append(link, " ", remove);
        return item;
      }),
    );
  }

  function setUp() {
    document.querySelectorAll("[data-saved-plans]").forEach((box) => {
      box.hidden = false;
      render(box);
    });
  }

  document.addEventListener("click", (event) => {
    const save = event.target.closest("[data-save-plan]");
    const remove = event.target.closest("[data-remove-plan]");
    if (!save && !remove) {
      return;
    }
    const box = event.target.closest("[data-saved-plans]");
    const path = location.pathname + location.search;
    let plans = savedPlans();
    if (save) {
      // One saved plan per role: the newest state replaces the older one.
      const role = location.pathname;
      plans = plans.filter((plan) => new URL(plan.url, location.href).pathname !== role);
      plans.unshift({ url: path, title: save.dataset.planTitle, saved: Date.now() });
    } else {
      plans = plans.filter((plan) => plan.url !== remove.dataset.removePlan);
    }
    try {
      localStorage.setItem(STORE, JSON.stringify(plans.slice(0, MOST)));
      box.querySelector("[data-save-status]").textContent = save
        ? "Saved in this browser."
        : "Removed from this browser.";
    } catch {
      box.querySelector("[data-save-status]").textContent =
        "This browser does not let the site save anything; bookmark the address instead.";
    }
    render(box);
  });

  let changed = null;
  document.addEventListener("htmx:beforeRequest", (event) => {
    const active = document.activeElement;
    changed = event.detail.elt.id === "plan" || event.detail.target?.id === "plan"
      ? active && active.name && { name: active.name, value: active.value }
      : null;
  });
  document.addEventListener("htmx:afterSwap", (event) => {
    if (event.detail.target.id !== "plan") {
      return;
    }
    setUp();
    const again = changed && [...event.detail.target.querySelectorAll("[name]")].find(
      (element) => element.name === changed.name && (element.type !== "radio" || element.value === changed.value),
    );
    (again || event.detail.target.querySelector("#progress-heading")).focus();
  });
  document.addEventListener("DOMContentLoaded", setUp);
})();
