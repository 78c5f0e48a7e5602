// Playwright adds this to every document before the page's own scripts run: it hands each
// Content-Security-Policy violation (enforced or report-only) to the test, which fails on any.
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(
    `${event.disposition} ${event.effectiveDirective} blocked ${event.blockedURI || "inline code"}` +
      ` (${event.sourceFile || document.location.href}:${event.lineNumber})`,
  );
});
