/* The area page's map with streets (issue 15): a Leaflet street map (streetmap.js) with the areas
   as focusable links in place of the server-drawn SVG map, which comes back when the tiles cannot
   be reached. The table of figures is unchanged. */
(function () {
  "use strict";
  var data = document.getElementById("area-streetmap-data");
  var svg = document.getElementById("area-map");
  var frame = svg ? svg.closest(".map-frame") : null;
  if (!data || !frame || !window.WijkKaart) { return; }
  var box = document.createElement("div");
  box.className = "streetmap";
  box.id = "area-streetmap";
  box.tabIndex = 0;
  frame.parentNode.insertBefore(box, frame);
  frame.hidden = true;
  var kaart = window.WijkKaart.create(box, {
    municipality: data.getAttribute("data-municipality"), level: data.getAttribute("data-level"),
    label: data.getAttribute("data-label"), linkAreas: true, keepView: true,
    onTilesFailed: function () {  /* offline: back to the SVG map */
      kaart.map.remove();
      box.parentNode.removeChild(box);
      frame.hidden = false;
    }
  });
  var b = [data.getAttribute("data-south"), data.getAttribute("data-west"),
           data.getAttribute("data-north"), data.getAttribute("data-east")].map(parseFloat);
  if (b.every(isFinite)) { kaart.map.fitBounds([[b[0], b[1]], [b[2], b[3]]]); }
})();
