// Wide tables scroll inside their own box instead of making the whole page wider than the screen.
// Every table in <main> that is not already in a .table-container is wrapped in one: a focusable
// region (keyboard users can scroll it with the arrow keys) named after the table's caption.
// Without JavaScript, site.css lets such tables scroll themselves on small screens.
(function () {
  let n = 0;
  document.querySelectorAll("main table").forEach((table) => {
    if (table.closest(".table-container")) return;
    const box = document.createElement("div");
    box.className = "table-container";
    box.setAttribute("role", "region");
    box.tabIndex = 0;
    const caption = table.querySelector("caption");
    if (caption) {
      if (!caption.id) caption.id = "table-caption-" + (++n);
      box.setAttribute("aria-labelledby", caption.id);
    } else {
      box.setAttribute("aria-label", document.documentElement.lang === "en" ? "Table" : "Tabel");
    }
    table.parentNode.insertBefore(box, table);
    box.appendChild(table);
  });
})();
