// Sortable tables: a button in each column heading sorts by that column (keyboard-usable,
// aria-sort announces the order). Without JavaScript the table stays in its server order.
document.querySelectorAll("table.sortable").forEach((table) => {
  const headers = table.querySelectorAll("thead th");
  headers.forEach((th, col) => {
    const button = th.querySelector("button.sort-button");
    if (!button) return;
    button.addEventListener("click", () => {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach((h) => h.setAttribute("aria-sort", "none"));
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const numeric = button.dataset.sort === "number";
      const key = (row) => {
        const cell = row.children[col];
        if (!numeric) return cell.textContent.trim().toLowerCase();
        const v = parseFloat(cell.dataset.value);
        return Number.isNaN(v) ? null : v;
      };
      const body = table.tBodies[0];
      const rows = Array.from(body.rows);
      rows.sort((a, b) => {
        const ka = key(a), kb = key(b);
        if (ka === null) return 1;
        if (kb === null) return -1;
        const c = numeric ? ka - kb : ka.localeCompare(kb, document.documentElement.lang);
        return ascending ? c : -c;
      });
      rows.forEach((r) => body.appendChild(r));
    });
  });
});
