// Dashboard: the filtered events on a map (Leaflet, vendored), an offline basemap
// (Natural Earth countries, vendored TopoJSON), a timeline one can brush to choose a
// period, and filters that fold away on a narrow screen. Everything comes from this
// server: tiles only when the server was started with --tiles.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // ACLED's six event types; the legend is built from this table.
  var TYPE_COLOURS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#7d3c98",
    "Protests": "#2471a3",
    "Riots": "#148f77",
    "Strategic developments": "#5d6d7e"
  };
  var OTHER_COLOUR = "#2c3e50";

  function filtersToggle() {
    var button = document.getElementById("filters-toggle");
    var form = document.getElementById("filters");
    if (!button || !form) { return; }
    button.addEventListener("click", function () {
      var open = form.classList.toggle("open");
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  function isoDay(first, offset) {
    var d = new Date(first.getTime() + offset * 86400000);
    return d.toISOString().slice(0, 10);
  }

  // Drag across the timeline (or click one day) to set since/until and reload.
  function timelineBrush() {
    var wrap = document.getElementById("timeline-wrap");
    var svg = document.getElementById("timeline");
    var brush = document.getElementById("brush");
    var form = document.getElementById("filters");
    if (!wrap || !svg || !brush || !form) { return; }
    Array.prototype.forEach.call(wrap.querySelectorAll(".tick"), function (tick) {
      tick.style.left = tick.getAttribute("data-pct") + "%";
    });
    var first = new Date(wrap.getAttribute("data-first") + "T00:00:00Z");
    var days = parseInt(wrap.getAttribute("data-days"), 10);
    if (!days || isNaN(first.getTime())) { return; }
    var start = null;

    function dayAt(clientX) {
      var box = svg.getBoundingClientRect();
      var f = (clientX - box.left) / box.width;
      return Math.max(0, Math.min(days - 1, Math.floor(f * days)));
    }
    function draw(a, b) {
      var lo = Math.min(a, b), hi = Math.max(a, b);
      brush.hidden = false;
      brush.style.left = (100 * lo / days) + "%";
      brush.style.width = (100 * (hi - lo + 1) / days) + "%";
      brush.setAttribute("data-since", isoDay(first, lo));
      brush.setAttribute("data-until", isoDay(first, hi));
    }
    svg.addEventListener("pointerdown", function (ev) {
      start = dayAt(ev.clientX);
      if (svg.setPointerCapture) { svg.setPointerCapture(ev.pointerId); }
      draw(start, start);
      ev.preventDefault();
    });
    svg.addEventListener("pointermove", function (ev) {
      if (start !== null) { draw(start, dayAt(ev.clientX)); }
    });
    svg.addEventListener("pointerup", function (ev) {
      if (start === null) { return; }
      draw(start, dayAt(ev.clientX));
      start = null;
      form.elements.since.value = brush.getAttribute("data-since");
      form.elements.until.value = brush.getAttribute("data-until");
      form.submit();
    });
  }

  function popup(group) {
    var box = document.createElement("div");
    if (group.length > 1) {
      var head = document.createElement("strong");
      head.textContent = group.length + " events here";
      box.appendChild(head);
    }
    group.slice(0, 10).forEach(function (e) {
      var item = document.createElement("div");
      item.className = "popup-event";
      var a = document.createElement("a");
      a.href = "/events/" + encodeURIComponent(e.event_id);
      a.textContent = e.sub_event_type;
      item.appendChild(a);
      [
        (e.event_date || "undated") + (e.location ? " · " + e.location.name : ""),
        e.actor1 ? "actor: " + e.actor1.name : "actor: unidentified",
        e.claim ? "claim: " + e.claim.status : ""
      ].forEach(function (t) {
        if (!t) { return; }
        var p = document.createElement("div");
        p.setAttribute("dir", "auto");
        p.textContent = t;
        item.appendChild(p);
      });
      box.appendChild(item);
    });
    if (group.length > 10) {
      var more = document.createElement("div");
      more.textContent = "and " + (group.length - 10) + " more (see the table)";
      box.appendChild(more);
    }
    return box;
  }

  function legend(counts) {
    var list = document.getElementById("map-legend");
    if (!list) { return; }
    list.textContent = "";
    Object.keys(TYPE_COLOURS).forEach(function (type) {
      var li = document.createElement("li");
      var swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.backgroundColor = TYPE_COLOURS[type];
      li.appendChild(swatch);
      li.appendChild(document.createTextNode(type + " (" + (counts[type] || 0) + ")"));
      list.appendChild(li);
    });
  }

  // The label point of a country: the centre of its largest ring's bounding box.
  function labelPoint(feature) {
    var polys = feature.geometry.type === "Polygon" ?
      [feature.geometry.coordinates] : feature.geometry.coordinates;
    var best = null, bestArea = -1;
    polys.forEach(function (poly) {
      var ring = poly[0], w = 540, e = -540, s = 90, n = -90;
      ring.forEach(function (c) {
        w = Math.min(w, c[0]); e = Math.max(e, c[0]); s = Math.min(s, c[1]); n = Math.max(n, c[1]);
      });
      var area = (e - w) * (n - s);
      if (area > bestArea) { bestArea = area; best = { w: w, e: e, s: s, n: n }; }
    });
    return best;
  }

  // Rings that cross the antimeridian (Russia, Fiji) jump from 180 to -180 degrees;
  // drawn flat, that jump is a line across the world. Keep each ring continuous instead.
  function unwrap(geometry) {
    var polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    polys.forEach(function (poly) {
      poly.forEach(function (ring) {
        var shift = 0;
        for (var i = 1; i < ring.length; i++) {
          var step = ring[i][0] + shift - ring[i - 1][0];
          if (step > 180) { shift -= 360; } else if (step < -180) { shift += 360; }
          ring[i] = [ring[i][0] + shift, ring[i][1]];
        }
      });
    });
  }

  function basemap(map, el) {
    map.createPane("basemap").style.zIndex = 200;
    map.createPane("countryLabels").style.zIndex = 350;
    map.getPane("countryLabels").style.pointerEvents = "none";
    return fetch(el.getAttribute("data-basemap-url"))
      .then(function (r) { return r.json(); })
      .then(function (topo) {
        var world = topojson.feature(topo, topo.objects.countries);
        world.features.forEach(function (f) { unwrap(f.geometry); });
        L.geoJSON(world, {
          pane: "basemap",
          interactive: false,
          style: {
            className: "country", color: "#8c99a6", weight: 0.8,
            fillColor: "#fbfaf6", fillOpacity: 1
          }
        }).addTo(map);
        var labels = L.layerGroup().addTo(map);
        var placed = world.features.map(function (f) {
          var box = labelPoint(f);
          var name = (f.properties && f.properties.name) || "";
          var text = document.createElement("span");
          text.textContent = name;
          var marker = L.marker([(box.s + box.n) / 2, (box.w + box.e) / 2], {
            pane: "countryLabels",
            interactive: false,
            keyboard: false,
            icon: L.divIcon({ className: "country-label", html: text, iconSize: null })
          });
          return { marker: marker, box: box, name: name };
        });
        // A label shows when its country is wide enough on screen to hold it, up to
        // zoom 7 (past that, the events' own popups name the places).
        function relabel() {
          var z = map.getZoom();
          var shown = 0;
          placed.forEach(function (p) {
            var mid = (p.box.s + p.box.n) / 2;
            var width = map.project([mid, p.box.e], z).x - map.project([mid, p.box.w], z).x;
            var fits = z <= 7 && p.name && width > p.name.length * 6.5;
            if (fits) {
              shown += 1;
              if (!labels.hasLayer(p.marker)) { labels.addLayer(p.marker); }
            } else if (labels.hasLayer(p.marker)) {
              labels.removeLayer(p.marker);
            }
          });
          el.setAttribute("data-labels", String(shown));
        }
        map.on("zoomend", relabel);
        relabel();
        el.setAttribute("data-basemap", String(world.features.length));
      })
      .catch(function (err) {
        el.setAttribute("data-basemap", "error: " + err);
      });
  }

  function events(map, el) {
    var url = el.getAttribute("data-api");
    url += (url.indexOf("?") >= 0 ? "&" : "?") + "limit=1000";
    return fetch(url, { headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (page) {
        var groups = {}, order = [], counts = {}, placed = 0;
        page.events.forEach(function (e) {
          counts[e.event_type] = (counts[e.event_type] || 0) + 1;
          var loc = e.location;
          if (!loc || loc.lat === null || loc.lon === null) { return; }
          placed += 1;
          var key = loc.lat.toFixed(3) + "," + loc.lon.toFixed(3);
          if (!groups[key]) { groups[key] = []; order.push(key); }
          groups[key].push(e);
        });
        var points = [];
        order.forEach(function (key) {
          var group = groups[key];
          var byType = {};
          group.forEach(function (e) { byType[e.event_type] = (byType[e.event_type] || 0) + 1; });
          var main = Object.keys(byType).sort(function (a, b) { return byType[b] - byType[a]; })[0];
          var loc = group[0].location;
          // Sized by count: the area grows with the number of events at the place.
          var marker = L.circleMarker([loc.lat, loc.lon], {
            radius: Math.min(22, 5 + 3 * Math.sqrt(group.length - 1)),
            weight: 1, color: "#1d232a", fillColor: TYPE_COLOURS[main] || OTHER_COLOUR,
            fillOpacity: 0.8, className: "event-point"
          });
          marker.bindPopup(popup(group));
          marker.addTo(map);
          points.push([loc.lat, loc.lon]);
        });
        legend(counts);
        if (points.length) { map.fitBounds(points, { padding: [20, 20], maxZoom: 6, animate: false }); }
        var count = document.getElementById("map-count");
        if (count) {
          count.textContent = placed + " placed of " + page.events.length +
            (page.total > page.events.length ? " shown (" + page.total + " match)" : "");
        }
        el.setAttribute("data-markers", String(points.length));
        el.setAttribute("data-points", String(placed));
      })
      .catch(function (err) {
        var count = document.getElementById("map-count");
        if (count) { count.textContent = "map unavailable: " + err; }
        el.setAttribute("data-points", "error");
      });
  }

  filtersToggle();
  timelineBrush();
  var el = document.getElementById("map");
  if (!el || typeof L === "undefined") { return; }
  var map = L.map(el, {
    worldCopyJump: false, attributionControl: false, minZoom: 1,
    maxBounds: [[-89, -220], [89, 220]]
  }).setView([20, 20], 2);
  var tiles = el.getAttribute("data-tiles");
  var ready = [];
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 18, attribution: el.getAttribute("data-attribution") || "" })
      .addTo(map);
    map.attributionControl = L.control.attribution().addTo(map);
  } else if (typeof topojson !== "undefined") {
    ready.push(basemap(map, el));
  }
  L.control.scale().addTo(map);
  ready.push(events(map, el));
  // One attribute for tests and scripts: set once the basemap and the events are drawn.
  Promise.all(ready).then(function () { el.setAttribute("data-ready", "true"); });
})();
