// Run inside a frame whose content crawler/rendering/page.py puts in place of its <iframe>: every address made
// absolute (the frame's URL is not the page's), then, without `items`, the frame's body as HTML (a frame that holds
// the post). With `items`, a CSS selector of comment items (crawler/extraction/selectors.py's COMMENT_ITEMS): only
// the thread — the smallest element holding every comment, inside bare copies of its ancestors (so that a selector
// naming the thread's containers, Disqus's `#post-list li.post`, still matches), without the frame's other content
// (sign-in, sorting, forms) — or "" when the frame holds no comment.
(items) => {
  const absolute = (value) => {
    try {
      return new URL(value, document.baseURI).href;
    } catch (error) {
      return value;
    }
  };
  for (const element of document.querySelectorAll("[src], [href], [poster], [data-src], [srcset], [data-srcset]")) {
    for (const name of ["src", "href", "poster", "data-src"]) {
      if (element.hasAttribute(name)) element.setAttribute(name, absolute(element.getAttribute(name)));
    }
    for (const name of ["srcset", "data-srcset"]) {
      if (!element.hasAttribute(name)) continue;
      const candidates = element.getAttribute(name).split(",").map((candidate) => {
        const [url, ...size] = candidate.trim().split(/\s+/);
        return [absolute(url), ...size].join(" ");
      });
      element.setAttribute(name, candidates.join(", "));
    }
  }
  if (!items) return document.body ? document.body.innerHTML : "";
  const comments = [...document.querySelectorAll(items)];
  if (comments.length === 0) return "";
  let thread = comments[0];
  while (thread.parentElement && !comments.every((comment) => thread.contains(comment))) {
    thread = thread.parentElement;
  }
  let copy = thread.cloneNode(true);
  for (let node = thread.parentElement; node && node !== document.body; node = node.parentElement) {
    const bare = node.cloneNode(false);
    bare.appendChild(copy);
    copy = bare;
  }
  return copy.outerHTML;
};
