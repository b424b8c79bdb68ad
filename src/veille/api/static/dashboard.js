// Dashboard map: the filtered events as points (Leaflet, vendored). No tiles unless the
// server was configured with a tile URL: by default the points sit on a blank canvas.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || typeof L === "undefined") { return; }
  var map = L.map(el, { worldCopyJump: true, attributionControl: false }).setView([20, 20], 2);
  var tiles = el.getAttribute("data-tiles");
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 18, attribution: el.getAttribute("data-attribution") || "" })
      .addTo(map);
    map.attributionControl = L.control.attribution().addTo(map);
  }
  L.control.scale().addTo(map);

  function popup(e) {
    var box = document.createElement("div");
    var a = document.createElement("a");
    a.href = "/events/" + encodeURIComponent(e.event_id);
    a.textContent = e.sub_event_type;
    box.appendChild(a);
    var lines = [
      (e.event_date || "undated") + (e.location ? " · " + e.location.name : ""),
      e.actor1 ? "actor: " + e.actor1.name : "actor: unidentified",
      e.claim ? "claim: " + e.claim.status : ""
    ];
    lines.forEach(function (t) {
      if (!t) { return; }
      var p = document.createElement("div");
      p.setAttribute("dir", "auto");
      p.textContent = t;
      box.appendChild(p);
    });
    return box;
  }

  var url = el.getAttribute("data-api");
  url += (url.indexOf("?") >= 0 ? "&" : "?") + "limit=1000";
  fetch(url, { headers: { "Accept": "application/json" } })
    .then(function (r) { return r.json(); })
    .then(function (page) {
      var points = [];
      page.events.forEach(function (e) {
        var loc = e.location;
        if (!loc || loc.lat === null || loc.lon === null) { return; }
        var marker = L.circleMarker([loc.lat, loc.lon], {
          radius: 6, weight: 1, color: "#7a1f1f", fillColor: "#d04a4a", fillOpacity: 0.7,
          className: "event-point"
        });
        marker.bindPopup(popup(e));
        marker.addTo(map);
        points.push([loc.lat, loc.lon]);
      });
      if (points.length) { map.fitBounds(points, { padding: [20, 20], maxZoom: 8 }); }
      var count = document.getElementById("map-count");
      if (count) {
        count.textContent = points.length + " placed of " + page.events.length +
          (page.total > page.events.length ? " shown (" + page.total + " match)" : "");
      }
      el.setAttribute("data-points", String(points.length));
    })
    .catch(function (err) {
      var count = document.getElementById("map-count");
      if (count) { count.textContent = "map unavailable: " + err; }
      el.setAttribute("data-points", "error");
    });
})();
