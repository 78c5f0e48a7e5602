// Share control (templates/_share.html): the browser's share sheet where there is one,
// otherwise copy the link and say so in the status line. Without this script the plain
// link beside the button is there to copy by hand, and the button stays hidden.
(function () {
  "use strict";

  function reveal(root) {
    root.querySelectorAll("[data-share-url]").forEach(function (button) {
      button.hidden = false;
    });
  }

  function announce(button, message) {
    var status = button.closest("[data-share]").querySelector("[data-share-status]");
    // Clearing first makes screen readers announce the same message again on a second click.
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  async function share(button) {
    var url = button.dataset.shareUrl;
    if (navigator.share) {
      try {
        await navigator.share({ title: button.dataset.shareTitle, url: url });
        return;
      } catch (error) {
        if (error.name === "AbortError") {
          return;
        }
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      announce(button, "Link copied. Paste it wherever you want to share it.");
    } catch (error) {
      announce(button, "Could not copy automatically: copy the link shown above.");
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-share-url]");
    if (button) {
      share(button);
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    reveal(document);
  });
  document.addEventListener("htmx:load", function (event) {
    reveal(event.target);
  });
})();
