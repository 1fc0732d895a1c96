/* The report form's street map (issue 15): a pin on a Leaflet map (web/streetmap.js) instead of
   the image map whose every click sends the whole form. The pin only fills the hidden lat/lon
   fields, so everything typed and chosen stays, the photo too. Keyboard: arrows move the map,
   Enter or Space puts the pin under the cross in the middle. Without JavaScript, or when
   Leaflet did not load, the image map works as before. */
(function () {
  "use strict";
  var form = document.getElementById("signal-form");
  var image = form ? form.querySelector("input.signal-map") : null;
  if (!form || !image || !window.WijkKaart) { return; }
  var lat = form.elements.namedItem("lat");
  var lon = form.elements.namedItem("lon");
  var status = document.getElementById("signal-map-status");

  var box = document.createElement("div");
  box.className = "streetmap streetmap--pin";
  box.id = "signal-streetmap";
  box.tabIndex = 0;
  var cross = document.createElement("div");
  cross.className = "streetmap__cross";
  cross.setAttribute("aria-hidden", "true");
  image.parentNode.insertBefore(box, image);
  image.hidden = true;
  var help = document.getElementById("map-help");
  if (help && help.getAttribute("data-js-help")) { help.textContent = help.getAttribute("data-js-help"); }

  var kaart = window.WijkKaart.create(box, {
    municipality: form.elements.namedItem("gemeente").value, level: "buurt",
    label: box.getAttribute("aria-label") || (help ? help.textContent : ""),
    keepView: Boolean(lat.value && lon.value),
    onTilesFailed: function () {
      if (status) { status.textContent = status.getAttribute("data-no-tiles") || ""; }
    }
  });
  box.appendChild(cross);
  box.setAttribute("aria-describedby", "map-help");
  var marker = null;

  function place(latlng, how) {
    if (!marker) {
      marker = L.circleMarker(latlng, { radius: 9, color: "#ffffff", weight: 3, fillColor: "#154273", fillOpacity: 1 })
        .addTo(kaart.map);
    } else {
      marker.setLatLng(latlng);
    }
    lat.value = latlng.lat.toFixed(6);
    lon.value = latlng.lng.toFixed(6);
    box.setAttribute("data-placed", "1");
    if (status) { status.textContent = status.getAttribute("data-placed") || ""; }
    form.dispatchEvent(new CustomEvent("signals:place", { detail: { how: how } }));
  }

  if (lat.value && lon.value) {
    var start = L.latLng(parseFloat(lat.value), parseFloat(lon.value));
    kaart.map.setView(start, 12);
    place(start, "kept");
  }
  kaart.map.on("click", function (event) { place(event.latlng, "click"); });
  box.addEventListener("keydown", function (event) {
    if (event.target !== box) { return; }
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      place(kaart.map.getCenter(), "keyboard");
    }
  });

  /* address search beside the map: the web app's address search (PDOK, offline fallback) */
  var search = document.getElementById("signal-address-search");
  if (search) {
    search.hidden = false;
    var input = search.querySelector("input");
    var results = search.querySelector("ul");
    search.querySelector("button").addEventListener("click", function () {
      var q = input.value.trim();
      if (!q) { return; }
      fetch(search.getAttribute("data-url") + "?q=" + encodeURIComponent(q), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
        .then(function (data) {
          results.textContent = "";
          (data.results || []).forEach(function (a) {
            var li = document.createElement("li");
            var b = document.createElement("button");
            b.type = "button";
            b.className = "button utrecht-button utrecht-button--subtle";
            b.textContent = a.label;
            b.addEventListener("click", function () {
              var here = L.latLng(a.lat, a.lon);
              kaart.map.setView(here, 13);
              place(here, "address");
              var address = form.elements.namedItem("address");
              if (address && !address.value) { address.value = a.label; }
              box.focus();
            });
            li.appendChild(b);
            results.appendChild(li);
          });
          if (!results.children.length) {
            var none = document.createElement("li");
            none.textContent = search.getAttribute("data-none") || "";
            results.appendChild(none);
          }
        })
        .catch(function () { results.textContent = search.getAttribute("data-error") || ""; });
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); search.querySelector("button").click(); }
    });
  }
})();
