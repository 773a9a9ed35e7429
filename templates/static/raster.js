/* The stock grid as a spreadsheet (voorraad/raster.html): arrow keys, Enter and Tab move
 * between cells; a cell saves itself through htmx when it is left (its `change`). Alt+G
 * opens the history of the focused cell. No inline script or style: a strict CSP. */
(function () {
  "use strict";
  var CEL = "input[data-raster-cel]";

  function invoerInRij(tr) {
    return Array.prototype.slice.call(tr.querySelectorAll(CEL));
  }

  function naarRij(tr, stap, index) {
    var rij = tr;
    for (;;) {
      rij = stap > 0 ? rij.nextElementSibling : rij.previousElementSibling;
      if (!rij) return null;
      var invoer = invoerInRij(rij);
      if (invoer.length) return invoer[Math.min(index, invoer.length - 1)];
    }
  }

  function doel(input, e) {
    var tr = input.closest("tr");
    var invoer = invoerInRij(tr);
    var index = invoer.indexOf(input);
    // Moving sideways: from a cell whose content is all selected (as arrived), or with the
    // caret at that edge; otherwise the arrow moves the caret inside the cell.
    var alles = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    var leeg = input.selectionStart === input.selectionEnd;
    switch (e.key) {
      case "ArrowUp":
        return naarRij(tr, -1, index);
      case "ArrowDown":
        return naarRij(tr, 1, index);
      case "Enter":
        return naarRij(tr, e.shiftKey ? -1 : 1, index) || input;
      case "ArrowLeft":
        return alles || (leeg && input.selectionStart === 0) ? invoer[index - 1] : null;
      case "ArrowRight":
        return alles || (leeg && input.selectionEnd === input.value.length)
          ? invoer[index + 1]
          : null;
      default:
        return null;
    }
  }

  document.addEventListener("keydown", function (e) {
    var input = e.target;
    if (!(input instanceof HTMLInputElement) || !input.matches(CEL)) return;
    if (e.altKey && (e.key === "g" || e.key === "G")) {
      var link = input.closest(".invulcel").querySelector(".invulcel__geschiedenis");
      if (link) {
        e.preventDefault();
        link.click();
      }
      return;
    }
    var volgende = doel(input, e);
    if (e.key === "Enter") e.preventDefault(); // Enter moves down; it never posts the whole form
    if (!volgende) return;
    e.preventDefault();
    volgende.focus();
    volgende.select();
  });
})();
