// storytrace report: open the <details> a link points to (an edge's alignment, a claims group).
(function () {
  "use strict";
  function reveal(hash) {
    if (!hash || hash.length < 2) { return; }
    var target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) { return; }
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") { node.open = true; }
    }
    target.scrollIntoView({ block: "start" });
    target.classList.add("flash");
    window.setTimeout(function () { target.classList.remove("flash"); }, 1600);
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a") : null;
    var href = link ? link.getAttribute("href") : null;
    if (href && href.charAt(0) === "#") { reveal(href); }
  });
  window.addEventListener("hashchange", function () { reveal(window.location.hash); });
  reveal(window.location.hash);
})();
