// Run inside a frame whose content crawler/rendering/page.py puts in place of its <iframe>; returns it as HTML with
// every address made absolute (the frame's URL is not the page's). Without `items`: the frame's body (a frame that
// holds the post). With `items`, a CSS selector of comment items (crawler/extraction/selectors.py's COMMENT_ITEMS):
// only the thread — the smallest element holding every comment, inside bare copies of its ancestors (so that a
// selector naming the thread's containers, Disqus's `#post-list li.post`, still matches), without the frame's other
// content (sign-in, sorting, forms) — or "" when the frame holds no comment. The frame itself is left as it is: the
// addresses are rewritten in an inert copy, so that nothing in the frame loads again.
(items) => {
  const absolute = (value) => {
    try {
      return new URL(value, document.baseURI).href;
    } catch (error) {
      return value;
    }
  };
  const absolutised = (html) => {
    const copy = document.createElement("template"); // its content is inert: nothing in it loads
    copy.innerHTML = html;
    for (const element of copy.content.querySelectorAll("[src], [href], [poster], [data-src], [srcset], [data-srcset]")) {
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
    return copy.innerHTML;
  };
  if (!items) return document.body ? absolutised(document.body.innerHTML) : "";
  const comments = [...document.querySelectorAll(items)];
  if (comments.length === 0) return "";
  let thread = comments[0];
  while (thread.parentElement && !comments.every((comment) => thread.contains(comment))) {
    thread = thread.parentElement;
  }
  let html = absolutised(thread.outerHTML);
  for (let node = thread.parentElement; node && node !== document.body; node = node.parentElement) {
    const bare = node.cloneNode(false).outerHTML; // a container, with its attributes and nothing inside
    const end = bare.lastIndexOf("</");
    html = bare.slice(0, end) + html + bare.slice(end);
  }
  return html;
};
