// Run by `locpipe preview` in a loaded page: finds text that does not fit its box.
// Every element is named by its path of child indexes from <html>, which is the
// same in a source page and its localized build, so Python can compare the two.
window.locpipeMeasure = async (settleMs) => {
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const TOLERANCE = 1;
  const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEXTAREA", "TEMPLATE", "IFRAME",
    "SELECT", "OPTION", "svg", "HEAD", "TITLE"]);
  const CLIPPING = new Set(["hidden", "clip", "scroll", "auto"]);

  const keyOf = (element) => {
    const parts = [];
    for (let node = element; node && node !== document.documentElement; node = node.parentElement) {
      let index = 0;
      for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
        index += 1;
      }
      parts.push(`${node.tagName.toLowerCase()}:${index}`);
    }
    return parts.reverse().join(">");
  };
  const rendered = (element) => {
    const rect = element.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0 && getComputedStyle(element).visibility !== "hidden";
  };
  const textOf = (element) => (element.innerText || element.textContent || "")
    .replace(/\s+/g, " ").trim().slice(0, 160);
  const size = (rect) => [Math.round(rect.right - rect.left), Math.round(rect.bottom - rect.top)];
  // The area the text itself covers, which may lie outside the element's box.
  const textExtent = (element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
    if (!rects.length) return null;
    return rects.reduce((a, r) => ({
      left: Math.min(a.left, r.left), top: Math.min(a.top, r.top),
      right: Math.max(a.right, r.right), bottom: Math.max(a.bottom, r.bottom),
    }), { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity });
  };
  const sticksOut = (inner, outer, horizontal, vertical) =>
    (horizontal && (inner.left < outer.left - TOLERANCE || inner.right > outer.right + TOLERANCE)) ||
    (vertical && (inner.top < outer.top - TOLERANCE || inner.bottom > outer.bottom + TOLERANCE));
  // The nearest box that cuts the text off, from the element itself up to <body>.
  const clipper = (element, extent) => {
    for (let node = element; node && node !== document.documentElement; node = node.parentElement) {
      const style = getComputedStyle(node);
      const horizontal = CLIPPING.has(style.overflowX);
      const vertical = CLIPPING.has(style.overflowY);
      if ((horizontal || vertical) && sticksOut(extent, node.getBoundingClientRect(), horizontal, vertical)) {
        return node;
      }
    }
    return null;
  };
  const intersects = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;

  const items = [];
  const record = (element, kind, box, extent, extra) => items.push(Object.assign({
    key: keyOf(element),
    elem_id: element.getAttribute("data-elem-id"),
    kind,
    text: textOf(element),
    box: size(box),
    content: size(extent),
  }, extra || {}));

  // Zero Block: absolutely placed elements of a fixed width.
  const zero = Array.from(document.querySelectorAll(".tn-elem")).filter(rendered);
  for (const element of zero) {
    const type = element.getAttribute("data-elem-type");
    if (type && type !== "text" && type !== "button") continue;
    const atom = element.querySelector(".tn-atom") || element;
    const extent = textExtent(atom);
    if (!extent || !textOf(atom)) continue;
    const box = element.getBoundingClientRect();
    const cut = clipper(atom, extent);
    if (cut) {
      record(element, "clipped", cut.getBoundingClientRect(), extent,
        cut === atom || cut === element ? {} : { other: keyOf(cut) });
    } else if (sticksOut(extent, box, true, false)) {
      record(element, "wider", box, extent);
    } else if (sticksOut(extent, box, false, true)) {
      record(element, "taller", box, extent);
    }
    const board = element.closest(".t396__artboard");
    for (const other of zero) {
      if (other === element || other.contains(element) || element.contains(other)) continue;
      if (other.closest(".t396__artboard") !== board) continue;
      const otherBox = other.getBoundingClientRect();
      if (intersects(extent, otherBox)) {
        record(element, "overlap", box, extent, {
          other: keyOf(other), other_id: other.getAttribute("data-elem-id"),
        });
      }
    }
  }

  // Any other block that holds text directly.
  for (const element of document.body ? document.body.querySelectorAll("*") : []) {
    if (SKIP.has(element.tagName) || element.closest(".tn-elem, svg")) continue;
    const ownText = Array.from(element.childNodes).some(
      (node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
    if (!ownText || !rendered(element)) continue;
    const style = getComputedStyle(element);
    if (style.display === "inline" || style.display === "contents" || !element.clientWidth) continue;
    const box = element.getBoundingClientRect();
    const extent = textExtent(element);
    if (!extent) continue;
    const cut = clipper(element, extent);
    if (cut) {
      record(element, "clipped", cut.getBoundingClientRect(), extent,
        cut === element ? {} : { other: keyOf(cut) });
    } else if (element.scrollWidth > element.clientWidth + TOLERANCE) {
      record(element, "wider", box, extent);
    }
  }
  const root = document.documentElement;
  return { width: root.scrollWidth, height: Math.max(root.scrollHeight, document.body ? document.body.scrollHeight : 0), items };
};

window.locpipeMark = (keys) => {
  const find = (key) => {
    let node = document.documentElement;
    for (const part of key.split(">")) {
      const index = Number(part.split(":")[1]);
      node = node && node.children[index];
    }
    return node;
  };
  let marked = 0;
  for (const key of keys) {
    const element = find(key);
    if (!element) continue;
    element.style.setProperty("outline", "3px solid #e11d48", "important");
    element.style.setProperty("outline-offset", "1px", "important");
    marked += 1;
  }
  return marked;
};
