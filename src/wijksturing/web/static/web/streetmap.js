/* Street maps (issue 15): Leaflet with the PDOK BRT-Achtergrondkaart (grey) in RD New
   (EPSG:28992) under the area boundaries from /api/v1/areas/ (GeoJSON geometries, simplified per
   zoom). A progressive enhancement: the server-drawn SVG map and its table stay in the page for
   readers without JavaScript and screen readers, and come back when the tiles cannot be reached.

   window.WijkKaart.create(container, options) → {map, areas, tilesFailed()}
   options: municipality (code), level ("buurt"), onTilesFailed(), keepOnTileFailure (bool),
            linkAreas (bool: Enter/click opens the area page), label (accessible name). */
(function () {
  "use strict";
  if (!window.L || !L.Proj || !window.proj4) { return; }

  var RD = "+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 " +
    "+y_0=463000 +ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs";
  var resolutions = [];
  for (var z = 0; z <= 16; z++) { resolutions.push(3440.64 / Math.pow(2, z)); }
  var CRS = new L.Proj.CRS("EPSG:28992", RD, {
    resolutions: resolutions,
    origin: [-285401.92, 903401.92],
    bounds: L.bounds([-285401.92, 22598.08], [595401.92, 903401.92])
  });
  var TILES = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:28992/{z}/{x}/{y}.png";
  var ATTRIBUTION = "Kaart: <a href=\"https://www.pdok.nl/\">PDOK</a> BRT-Achtergrondkaart (CC BY 4.0, Kadaster)";

  function tolerance(zoom) {  /* degrees; coarser when zoomed out */
    if (zoom <= 6) { return 0.001; }
    if (zoom <= 9) { return 0.0002; }
    return 0.00005;
  }

  function areaUrl(area) {
    if (area.level === "gemeente") { return "/gemeente/" + area.code + "/"; }
    if (area.level === "gebied") { return "/gemeente/" + area.municipality + "/gebied/" + area.code + "/"; }
    return "/" + area.level + "/" + area.code + "/";
  }

  function create(container, options) {
    options = options || {};
    var map = L.map(container, { crs: CRS, center: [52.15, 5.39], zoom: 3, minZoom: 2, maxZoom: 15,
                                 keyboard: true, zoomSnap: 1 });
    container.setAttribute("role", "application");
    container.setAttribute("aria-roledescription", "kaart");
    if (options.label) { container.setAttribute("aria-label", options.label); }
    map.attributionControl.setPrefix(false);

    var loaded = 0, failed = 0, gaveUp = false;
    var tiles = L.tileLayer(options.tiles || TILES, { tms: false, attribution: ATTRIBUTION, minZoom: 0, maxZoom: 16,
                                                      crossOrigin: false });
    tiles.on("tileload", function () { loaded += 1; });
    tiles.on("tileerror", function () {
      failed += 1;
      if (!gaveUp && loaded === 0 && failed >= 3) {
        gaveUp = true;
        map.removeLayer(tiles);
        container.classList.add("streetmap--no-tiles");
        if (options.onTilesFailed) { options.onTilesFailed(); }
      }
    });
    tiles.addTo(map);

    var areas = L.geoJSON(null, {
      style: function () { return { color: "#154273", weight: 1.5, fill: true, fillOpacity: 0.04 }; },
      onEachFeature: function (feature, layer) {
        var name = feature.properties.name;
        layer.bindTooltip(name, { sticky: true });
        layer.on("add", function () {
          var el = layer.getElement && layer.getElement();
          if (!el || !options.linkAreas) { return; }  /* a pin map: the outlines are decoration */
          el.setAttribute("tabindex", "0");
          el.setAttribute("role", "link");
          el.setAttribute("aria-label", name);
          el.addEventListener("focus", function () { layer.openTooltip(layer.getBounds().getCenter()); });
          el.addEventListener("blur", function () { layer.closeTooltip(); });
          el.addEventListener("keydown", function (event) {
            if (event.key === "Enter") { window.location.href = areaUrl(feature.properties); }
          });
        });
        if (options.linkAreas) { layer.on("click", function () { window.location.href = areaUrl(feature.properties); }); }
      }
    }).addTo(map);

    var asked = null, fitted = false;
    function loadAreas() {
      var t = tolerance(map.getZoom());
      if (t === asked || !options.municipality) { return; }
      asked = t;
      var url = "/api/v1/areas/?limit=1000&municipality=" + encodeURIComponent(options.municipality) +
        "&level=" + encodeURIComponent(options.level || "buurt") + "&simplify=" + t;
      fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
        .then(function (data) {
          if (t !== asked) { return; }
          areas.clearLayers();
          (data.results || []).forEach(function (a) {
            if (a.geometry) {
              areas.addData({ type: "Feature", geometry: a.geometry,
                              properties: { name: a.name, code: a.code, level: a.level, municipality: a.municipality } });
            }
          });
          if (!fitted && areas.getLayers().length) {
            fitted = true;
            if (!options.keepView) { map.fitBounds(areas.getBounds()); }
            if (options.onAreas) { options.onAreas(); }
          }
        })
        .catch(function () { /* the outlines are missing; the SVG map stays available */ });
    }
    map.on("zoomend", loadAreas);
    loadAreas();
    return { map: map, areas: areas, tilesFailed: function () { return gaveUp; } };
  }

  window.WijkKaart = { create: create, crs: CRS };
})();
