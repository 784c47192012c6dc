// Run inside a frame that holds the post: every address made absolute (the frame's URL is not the page's), then
// the frame's body as HTML, for crawler/rendering/page.py to put in place of the <iframe>.
() => {
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
  return document.body ? document.body.innerHTML : "";
};
