// Installed in every rendered page before its own scripts run (Playwright's add_init_script), so that the
// History API routes a client-side router takes are noted from the start. crawler/rendering/page.py calls the
// functions below one step at a time, and bounds their number and time; none of them marks the page's DOM.
(() => {
  const routes = [];
  for (const name of ["pushState", "replaceState"]) {
    const original = history[name];
    history[name] = function (state, title, url) {
      if (url !== undefined && url !== null) {
        try {
          routes.push(new URL(url, location.href).href);
        } catch (error) {
          // not a URL: the router's business
        }
      }
      return original.apply(this, arguments);
    };
  }
  const pressed = new WeakSet();
  const visible = (element) => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return box.width > 0 && box.height > 0 && style.visibility !== "hidden" && style.display !== "none";
  };
  const textOf = (element) =>
    (element.innerText || element.value || element.getAttribute("aria-label") || "")
      .trim()
      .toLowerCase()
      .replace(/\s+/g, " ");
  // A control that runs a script, not a link to another page (the crawl follows those itself).
  const scripted = (element) => {
    if (element.tagName !== "A") return true;
    const href = (element.getAttribute("href") || "").trim();
    return href === "" || href.startsWith("#") || href.toLowerCase().startsWith("javascript:");
  };
  const press = (words, matches) => {
    for (const element of document.querySelectorAll("button, a, [role=button], input[type=button]")) {
      if (pressed.has(element) || element.disabled || !visible(element) || !scripted(element)) continue;
      const text = textOf(element);
      if (text.length > 60 || !words.some((word) => matches(text, word))) continue;
      pressed.add(element);
      element.click();
      return text;
    }
    return null;
  };
  window.__blogarchive = {
    routes,
    // One screen further down; false at the end of the page.
    scroll() {
      const before = window.scrollY;
      window.scrollBy(0, Math.round(window.innerHeight * 0.9));
      return window.scrollY > before;
    },
    height: () => document.documentElement.scrollHeight,
    // Press the first "load more" control not pressed yet: its text, or null.
    loadMore: (words) => press(words, (text, word) => text === word || text.startsWith(word)),
    // Open collapsed comments: every closed <details>, and the first "show comments/replies" control.
    expandComments(words) {
      let opened = 0;
      for (const details of document.querySelectorAll("details:not([open])")) {
        details.open = true;
        opened += 1;
      }
      return opened + (press(words, (text, word) => text.includes(word)) === null ? 0 : 1);
    },
    // Images that have an address and are still loading.
    loadingImages: () => [...document.images].filter((image) => image.currentSrc && !image.complete).length,
    textLength: () => (document.body ? document.body.innerText.length : 0),
  };
})();
