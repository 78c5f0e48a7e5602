// Plans saved in this browser (localStorage only, nothing is sent anywhere): the plan page saves
// one and keeps the saved copy in step with each change made on it; "My plans" lists them, with
// what changed in their roles' pay since. Also keeps keyboard focus on the control just changed
// when htmx swaps the plan in again.
(() => {
  const STORE = "next-episode:plans";
  const MOST = 10;

  function savedPlans() {
    try {
      const plans = JSON.parse(localStorage.getItem(STORE) || "[]");
      return Array.isArray(plans) ? plans.filter((plan) => plan && plan.url) : [];
    } catch {
      return [];
    }
  }

  function store(plans) {
    try {
      localStorage.setItem(STORE, JSON.stringify(plans.slice(0, MOST)));
      return true;
    } catch {
      return false;
    }
  }

  const here = () => location.pathname + location.search;
  const pathOf = (url) => new URL(url, location.href).pathname;
  const roleOf = (url) => pathOf(url).split("/")[2];
  const day = (time) => new Date(time).toLocaleDateString(undefined, { dateStyle: "medium" });

  // The plan page. One saved plan per role: its newest state replaces the older one.
  function planBox() {
    return document.querySelector("[data-saved-plans]");
  }

  function savedHere() {
    return savedPlans().find((plan) => pathOf(plan.url) === location.pathname);
  }

  function showSaved(box, note) {
    const saved = savedHere();
    const status = box.querySelector("[data-save-status]");
    const button = box.querySelector("[data-save-plan]");
    box.hidden = false;
    button.hidden = Boolean(saved && saved.url === here());
    button.textContent = saved ? "Save this version instead" : "Save in this browser";
    if (note) {
      status.textContent = note;
    } else if (!saved) {
      status.textContent = "";
    } else if (saved.url === here()) {
      status.textContent = "Saved in this browser. Each change you make here is kept in it.";
    } else {
      status.textContent = `Not saved: your saved plan for ${saved.title} has other marks (changed ${day(saved.changed || saved.saved)}).`;
    }
  }

  function savePlan(box, { keepFrom } = {}) {
    const now = Date.now();
    const plans = savedPlans();
    const old = plans.find((plan) => pathOf(plan.url) === location.pathname);
    if (keepFrom && (!old || old.url !== keepFrom)) {
      return; // only the saved version follows its changes; another version stays unsaved
    }
    const plan = {
      url: here(),
      title: box.dataset.planTitle,
      progress: box.dataset.planProgress,
      saved: old ? old.saved : now,
      changed: now,
    };
    const others = plans.filter((item) => item !== old);
    const kept = store(keepFrom ? plans.map((item) => (item === old ? plan : item)) : [plan, ...others]);
    showSaved(box, kept ? null : "This browser does not let the site save anything; bookmark the address instead.");
  }

  // "My plans".
  let edits = null; // the change log's role pay edits, once fetched; false if it failed
  let removed = null;

  function payPart(item, plan) {
    const summary = item.querySelector("[data-part='pay-summary']");
    const list = item.querySelector("[data-part='pay-changes']");
    if (edits === null) {
      summary.textContent = "Checking the pay change log…";
      return;
    }
    if (edits === false) {
      summary.textContent = "The pay change log could not be read just now.";
      return;
    }
    const since = edits.filter(
      (edit) => edit.role === roleOf(plan.url) && Date.parse(edit.changed_at) > plan.saved,
    );
    summary.textContent = since.length
      ? `Pay changes since you saved it on ${day(plan.saved)}:`
      : `No pay changes for this role since you saved it on ${day(plan.saved)}.`;
    list.replaceChildren(
      ...since.flatMap((edit) =>
        edit.changes.map((change) => {
          const line = document.createElement("li");
          line.textContent = `${edit.subject}, ${change.figure.toLowerCase()}: ${change.old} → ${change.new} (${day(edit.changed_at)})`;
          return line;
        }),
      ),
    );
  }

  function listPlans(box) {
    const plans = savedPlans();
    const template = box.querySelector("template[data-my-plan]");
    box.querySelector("[data-my-plans-empty]").hidden = plans.length > 0;
    box.querySelector("[data-my-plans-list]").replaceChildren(
      ...plans.map((plan) => {
        const item = template.content.firstElementChild.cloneNode(true);
        const link = item.querySelector("[data-part='link']");
        link.href = plan.url;
        link.textContent = plan.title;
        item.querySelector("[data-part='progress']").textContent = plan.progress
          ? `${plan.progress}.`
          : "";
        item.querySelector("[data-part='changed']").textContent = `Last changed ${day(plan.changed || plan.saved)}.`;
        const remove = item.querySelector("[data-remove-plan]");
        remove.textContent = `Remove ${plan.title}`;
        remove.dataset.removePlan = plan.url;
        payPart(item, plan);
        return item;
      }),
    );
  }

  function say(box, text, { undo = false } = {}) {
    box.querySelector("[data-my-plans-status]").textContent = text;
    box.querySelector("[data-undo]").hidden = !undo;
  }

  function setUp() {
    const box = planBox();
    if (box) {
      showSaved(box);
    }
    const mine = document.querySelector("[data-my-plans]");
    if (mine) {
      mine.hidden = false;
      document.querySelector("[data-without-script]").hidden = true;
      listPlans(mine);
      fetch(mine.dataset.changesUrl)
        .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
        .then((data) => { edits = data.edits; })
        .catch(() => { edits = false; })
        .finally(() => listPlans(mine));
    }
  }

  document.addEventListener("click", (event) => {
    const save = event.target.closest("[data-save-plan]");
    const remove = event.target.closest("[data-remove-plan]");
    const undo = event.target.closest("[data-undo]");
    const mine = event.target.closest("[data-my-plans]");
    if (save) {
      savePlan(planBox());
    } else if (remove) {
      const plans = savedPlans();
      const index = plans.findIndex((plan) => plan.url === remove.dataset.removePlan);
      removed = { plan: plans[index], index };
      store(plans.filter((_, at) => at !== index));
      listPlans(mine);
      say(mine, `Removed ${removed.plan.title}.`, { undo: true });
      mine.querySelector("[data-undo]").focus();
    } else if (undo && removed) {
      const plans = savedPlans();
      plans.splice(removed.index, 0, removed.plan);
      store(plans);
      listPlans(mine);
      say(mine, `${removed.plan.title} is back.`);
      mine.querySelectorAll("[data-part='link']")[removed.index]?.focus();
      removed = null;
    }
  });

  // Another tab saved or removed a plan.
  window.addEventListener("storage", (event) => {
    if (event.key === STORE) {
      setUp();
    }
  });

  let changed = null;
  let savedBefore = null;
  document.addEventListener("htmx:beforeRequest", (event) => {
    const active = document.activeElement;
    const ours = event.detail.elt.closest?.("#plan") || event.detail.target?.id === "plan";
    changed = ours && active && active.name ? { name: active.name, value: active.value } : null;
    savedBefore = ours ? here() : null;
  });
  // After the settle the new plan is drawn and its address pushed: the saved copy can follow.
  document.addEventListener("htmx:afterSettle", (event) => {
    const box = planBox();
    if (box && savedBefore && event.detail.target.id === "plan" && here() !== savedBefore) {
      savePlan(box, { keepFrom: savedBefore });
    }
    savedBefore = null;
  });
  document.addEventListener("htmx:historyRestore", setUp);
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
