// Hover, focus and tap popovers for note references (docs/design.md, "The HTML contract").
// Without this script the references stay plain in-page links to the notes.
(function () {
  "use strict";

  var OPEN_DELAY = 120;
  var CLOSE_DELAY = 250;
  var MARGIN = 8;

  var popover = null;
  var current = null;
  var openTimer = 0;
  var closeTimer = 0;
  var lastPointer = "mouse";

  function noteFor(reference) {
    var href = reference.getAttribute("href") || "";
    if (href.charAt(0) !== "#") return null;
    return document.getElementById(decodeURIComponent(href.slice(1)));
  }

  function ensurePopover() {
    if (popover) return popover;
    popover = document.createElement("div");
    popover.className = "note-popover";
    popover.id = "note-popover";
    // Not a tooltip: a note may hold links, and ARIA forbids interactive content there. The reference names it with aria-describedby.
    popover.setAttribute("role", "note");
    popover.hidden = true;
    popover.addEventListener("mouseenter", cancelClose);
    popover.addEventListener("mouseleave", scheduleClose);
    document.body.appendChild(popover);
    return popover;
  }

  function fill(reference, note) {
    var box = ensurePopover();
    box.textContent = "";
    box.setAttribute("dir", note.closest("[dir]") ? note.closest("[dir]").getAttribute("dir") : "rtl");
    box.setAttribute("lang", document.documentElement.lang || "ar");
    var number = document.createElement("span");
    number.className = "note-number";
    number.textContent = reference.textContent;
    box.appendChild(number);
    Array.prototype.forEach.call(note.childNodes, function (child) {
      // The back-link and a written-out mark (the popover shows the reference's own mark) stay out.
      if (child.nodeType === 1 && (child.getAttribute("role") === "doc-backlink" || child.classList.contains("note-mark"))) return;
      box.appendChild(child.cloneNode(true));
    });
    Array.prototype.forEach.call(box.querySelectorAll("[id]"), function (el) { el.removeAttribute("id"); });
  }

  function place(reference) {
    var box = popover;
    var viewport = document.documentElement.clientWidth;
    box.style.left = "0px";
    box.style.top = "0px";
    // Its width is the stylesheet's (.note-popover max-width), so a theme changes it in one place.
    var rect = reference.getBoundingClientRect();
    var width = box.offsetWidth;
    var height = box.offsetHeight;
    var rtl = getComputedStyle(reference).direction === "rtl";
    // In right-to-left text the popover hangs from the reference's right edge, in left-to-right from its left.
    var left = rtl ? rect.right - width : rect.left;
    left = Math.max(MARGIN, Math.min(left, viewport - width - MARGIN));
    var top = rect.bottom + 6;
    if (top + height > window.innerHeight && rect.top - height - 6 > 0) top = rect.top - height - 6;
    box.style.left = left + window.scrollX + "px";
    box.style.top = top + window.scrollY + "px";
  }

  function open(reference) {
    var note = noteFor(reference);
    if (!note) return;
    cancelClose();
    if (current && current !== reference) current.removeAttribute("aria-describedby");
    current = reference;
    fill(reference, note);
    popover.hidden = false;
    place(reference);
    reference.setAttribute("aria-describedby", "note-popover");
  }

  function close() {
    clearTimeout(openTimer);
    if (popover) popover.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }

  function scheduleOpen(reference) {
    clearTimeout(openTimer);
    cancelClose();
    openTimer = setTimeout(function () { open(reference); }, OPEN_DELAY);
  }

  function scheduleClose() {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    closeTimer = setTimeout(close, CLOSE_DELAY);
  }

  function cancelClose() {
    clearTimeout(closeTimer);
  }

  function isOpenFor(reference) {
    return popover && !popover.hidden && current === reference;
  }

  function init() {
    var references = document.querySelectorAll('a[role="doc-noteref"]');
    Array.prototype.forEach.call(references, function (reference) {
      if (!noteFor(reference)) return;
      reference.addEventListener("mouseenter", function () { if (lastPointer === "mouse") scheduleOpen(reference); });
      reference.addEventListener("mouseleave", function () { if (lastPointer === "mouse") scheduleClose(); });
      // A tap also focuses the link: the click handler decides then, so the note is not opened and closed at once.
      reference.addEventListener("focus", function () { if (lastPointer !== "touch" && lastPointer !== "pen") open(reference); });
      reference.addEventListener("blur", function () { if (lastPointer !== "touch") scheduleClose(); });
      reference.addEventListener("click", function (event) {
        // A tap opens the note in place: no jump to the notes, no change of URL.
        if (lastPointer !== "touch" && lastPointer !== "pen") return;
        event.preventDefault();
        if (isOpenFor(reference)) close(); else open(reference);
      });
    });

    document.addEventListener("pointerdown", function (event) {
      lastPointer = event.pointerType || "mouse";
      if (!popover || popover.hidden) return;
      var target = event.target;
      if (popover.contains(target) || (current && current.contains(target))) return;
      close();
    }, true);

    document.addEventListener("keydown", function (event) {
      lastPointer = "keyboard";
      // Escape closes the note; focus never left the reference, so it stays there.
      if (event.key === "Escape" && popover && !popover.hidden) close();
    }, true);

    window.addEventListener("resize", function () { if (current && !popover.hidden) place(current); });
    window.addEventListener("beforeprint", close);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
