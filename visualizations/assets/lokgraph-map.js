/* lokgraph network map: reads #graph-data, draws it with vis-network, adds search and filters.
 *
 * Every piece of text from the data reaches the page through textContent, Option() or the
 * canvas; nothing from the data is ever parsed as HTML.
 */
(function () {
  "use strict";

  var FIELDS = ["kommun", "party", "level"];
  var LEVEL_ORDER = ["politisk", "strategisk", "operativ", "individ"];
  var NODE_PASS = ["group", "shape", "color", "size", "x", "y"];
  var EDGE_PASS = ["label", "dashes", "color", "width"];
  // Edges of these kinds are drawn last, so on top of the others.
  var ON_TOP = { absent: 1, gap: 2 };
  // Labels of principals keep at least this many screen pixels; the others keep LABEL_FONT_PX
  // from the zoom level where that needs at most MAX_FONT, and are not drawn below
  // DRAW_THRESHOLD pixels (vis-network's scaling.label.drawThreshold, less one).
  var PRINCIPAL_FONT_PX = 14;
  var LABEL_FONT_PX = 11;
  var FONT_SIZE = 14;
  var MAX_FONT = 28;
  var DRAW_THRESHOLD = 8;
  var INK = "#343434";
  var WIDTH_LIMIT = 170;
  var NO_INK = "rgba(0,0,0,0)";

  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var options = data.options || {};

  window.lokgraphReady = false;

  function byId(id) {
    return document.getElementById(id);
  }

  function norm(text) {
    return String(text).normalize("NFC").toLocaleLowerCase("sv").trim();
  }

  function valuesOf(value) {
    if (value === null || value === undefined || value === "") {
      return [];
    }
    return (Array.isArray(value) ? value : [value]).map(String);
  }

  function tooltipElement(text) {
    if (text === null || text === undefined || text === "") {
      return undefined;
    }
    var element = document.createElement("div");
    element.className = "lg-tooltip";
    element.textContent = String(text);
    return element;
  }

  function copyKeys(source, target, keys) {
    keys.forEach(function (key) {
      if (source[key] !== null && source[key] !== undefined) {
        target[key] = source[key];
      }
    });
    return target;
  }

  // ---- the page's compact data back into the nodes and edges of the contract (page.py) ----
  var LONG_KEYS = {
    i: "id",
    l: "label",
    g: "group",
    s: "shape",
    c: "color",
    z: "size",
    v: "level",
    k: "kommun",
    p: "party",
    t: "tooltip",
    x: "x",
    y: "y",
  };
  var TEXT_FIELDS = ["group", "shape", "level", "kommun", "party"];
  var text = data.text || [];
  var colors = data.colors || [];
  var styles = data.styles || [];

  // A number where text is expected is the place of a string in data.text.
  function textOf(ref) {
    return typeof ref === "number" ? text[ref] : ref;
  }

  // A tooltip is the list of its lines, or {v: value} for one that is not text.
  function tooltipOf(value) {
    if (Array.isArray(value)) {
      return value.map(textOf).join("\n");
    }
    return value && typeof value === "object" ? value.v : value;
  }

  function expandNode(item) {
    var node = {};
    Object.keys(item).forEach(function (short) {
      var key = LONG_KEYS[short] || short;
      var value = item[short];
      if (key === "color" && typeof value === "number") {
        value = colors[value]; // a colour the page wrote once, in data.colors
      } else if (key === "tooltip") {
        value = tooltipOf(value);
      } else if (TEXT_FIELDS.indexOf(key) >= 0) {
        if (Array.isArray(value)) {
          value = value.map(textOf);
        } else if (value && typeof value === "object") {
          value = value.v;
        } else {
          value = textOf(value);
        }
      }
      node[key] = value;
    });
    return node;
  }

  var plainNodes = data.nodes.map(expandNode);
  // An edge is [from, to, style] or [from, to, style, tooltip]: its ends by the place of the
  // node in data.nodes, its look by its place in data.styles.
  var plainEdges = data.edges.map(function (row) {
    var edge = copyKeys(styles[row[2]] || {}, {}, EDGE_PASS.concat(["kind"]));
    edge.from = plainNodes[row[0]].id;
    edge.to = plainNodes[row[1]].id;
    if (row.length > 3) {
      edge.tooltip = tooltipOf(row[3]);
    }
    return edge;
  });

  // The lokgraph attributes of each node, kept apart from what vis-network sees.
  var info = new Map();
  var visNodes = plainNodes.map(function (node) {
    var label = node.label === null || node.label === undefined ? String(node.id) : node.label;
    var item = copyKeys(node, { id: node.id, label: String(label) }, NODE_PASS);
    var tip = tooltipElement(node.tooltip);
    if (tip) {
      item.title = tip;
    }
    var attrs = { label: String(label), key: norm(label) };
    FIELDS.forEach(function (field) {
      attrs[field] = valuesOf(node[field]);
    });
    info.set(node.id, attrs);
    return item;
  });
  var edgeKind = new Map();
  var ordered = plainEdges
    .map(function (edge, index) {
      return { edge: edge, index: index };
    })
    .sort(function (a, b) {
      var ka = ON_TOP[a.edge.kind] || 0;
      var kb = ON_TOP[b.edge.kind] || 0;
      return ka - kb || a.index - b.index;
    });
  var showStructure = byId("lg-structure");
  var visEdges = ordered.map(function (entry) {
    var edge = entry.edge;
    var index = entry.index;
    var item = copyKeys(edge, { id: "e" + index, from: edge.from, to: edge.to }, EDGE_PASS);
    edgeKind.set(item.id, edge.kind || "");
    if (edge.kind === "structural") {
      item.hidden = !(showStructure && showStructure.checked);
    }
    if (item.label !== undefined) {
      item.label = String(item.label);
    }
    var tip = tooltipElement(edge.tooltip);
    if (tip) {
      item.title = tip;
    }
    return item;
  });

  var nodes = new vis.DataSet(visNodes);
  var edges = new vis.DataSet(visEdges);
  var loading = byId("lg-loading");
  // Created empty; setData below, once the listeners are in place, starts the stabilisation.
  var network = new vis.Network(byId("lg-network"), {}, options);
  window.lokgraphNetwork = network;
  window.lokgraphData = { nodes: nodes, edges: edges };

  function markReady() {
    if (window.lokgraphReady) {
      return;
    }
    placeLabels();
    window.lokgraphReady = true;
    document.documentElement.setAttribute("data-ready", "true");
    if (loading) {
      loading.hidden = true;
    }
  }

  function settle() {
    network.setOptions({ physics: false });
    markReady();
  }

  var physics = options.physics;
  var physicsOn = !(physics === false || (physics && physics.enabled === false));
  if (physicsOn) {
    // Physics stabilises first, then stops, so large maps stay responsive.
    network.once("stabilizationIterationsDone", settle);
    network.once("stabilized", settle);
    network.on("stabilizationProgress", function (progress) {
      if (loading && progress.total) {
        loading.textContent =
          "Ritar kartan … " + Math.round((100 * progress.iterations) / progress.total) + " %";
      }
    });
  } else {
    network.once("afterDrawing", markReady);
  }
  // setData (not DataSet.add) runs the stabilisation off screen, without drawing each step.
  network.setData({ nodes: nodes, edges: edges });
  if (visNodes.length === 0) {
    markReady();
  }

  // ---- labels: principals stay readable, the rest show from a zoom level, none overlap ---
  var rank = new Map();
  var SHAPE_RANK = { box: 0, diamond: 1, triangle: 2, square: 3, dot: 3 };
  visNodes.forEach(function (node) {
    rank.set(node.id, [SHAPE_RANK[node.shape] === undefined ? 4 : SHAPE_RANK[node.shape], -(node.size || 0)]);
  });
  var order = visNodes
    .map(function (node) {
      return node.id;
    })
    .sort(function (a, b) {
      var ra = rank.get(a);
      var rb = rank.get(b);
      return ra[0] - rb[0] || ra[1] - rb[1] || String(a).localeCompare(String(b), "sv");
    });
  var labelTimer = null;
  var ownColour = new Map();
  visNodes.forEach(function (node) {
    if (node.shape === "box") {
      ownColour.set(node.id, node.color);
    }
  });

  function seeThrough(id) {
    var colour = ownColour.get(id);
    var fill = colour && typeof colour === "object" ? colour.background : colour;
    var match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill || "");
    if (!match) {
      return colour;
    }
    var rgba = "rgba(" + [1, 2, 3].map(function (i) {
      return parseInt(match[i], 16);
    }).join(",") + ",0.45)";
    var copy = {};
    Object.keys(colour).forEach(function (key) {
      copy[key] = colour[key];
    });
    copy.background = rgba;
    return copy;
  }

  function fontFor(id, scale) {
    var node = nodes.get(id);
    if (node && node.shape === "box") {
      return Math.min(Math.max(FONT_SIZE, PRINCIPAL_FONT_PX / scale), 80);
    }
    var wanted = LABEL_FONT_PX / scale;
    return wanted <= MAX_FONT ? Math.max(FONT_SIZE, wanted) : FONT_SIZE;
  }

  function overlaps(a, b) {
    return a.left < b.left + b.width && b.left < a.left + a.width &&
      a.top < b.top + b.height && b.top < a.top + a.height;
  }

  function placeLabels() {
    if (!order || !order.length) {
      return;
    }
    var scale = network.getScale();
    var wanted = [];
    var updates = [];
    order.forEach(function (id) {
      var node = nodes.get(id);
      if (!node || node.hidden) {
        return;
      }
      var size = fontFor(id, scale);
      if (size * scale >= DRAW_THRESHOLD) {
        wanted.push(id);
      }
      var update = { id: id, font: { size: size, color: INK, strokeWidth: 0 } };
      if (size !== FONT_SIZE) {
        // the width limit is in map units: a larger font needs a wider box to stay one line
        update.widthConstraint = { maximum: Math.round((WIDTH_LIMIT * size) / FONT_SIZE) };
      }
      if (node.shape === "box") {
        // a kommun's name, enlarged to stay readable, lets the nodes it covers show through
        update.color = size > FONT_SIZE ? seeThrough(id) : ownColour.get(id);
      }
      updates.push(update);
    });
    nodes.update(updates);
    network.redraw();
    var taken = [];
    var blank = [];
    wanted.forEach(function (id) {
      var body = network.body.nodes[id];
      var box = body && body.labelModule ? body.labelModule.size : null;
      if (!box || !box.width) {
        return;
      }
      var rect = { left: box.left - 2 / scale, top: box.top - 1 / scale, width: box.width + 4 / scale, height: box.height + 2 / scale };
      if (taken.some(function (other) { return overlaps(rect, other); })) {
        blank.push({ id: id, font: { size: fontFor(id, scale), color: NO_INK, strokeWidth: 0 } });
      } else {
        taken.push(rect);
      }
    });
    if (blank.length) {
      nodes.update(blank);
      network.redraw();
    }
  }
  window.lokgraphPlaceLabels = placeLabels;

  function placeLabelsSoon() {
    clearTimeout(labelTimer);
    labelTimer = setTimeout(placeLabels, 120);
  }
  network.on("zoom", placeLabelsSoon);
  network.on("dragEnd", placeLabelsSoon);

  // ---- print: the map box changes size, so the canvas follows and the whole map is fitted --
  function refit() {
    network.setSize("100%", "100%");
    network.redraw();
    network.fit();
  }
  window.addEventListener("beforeprint", refit);
  window.addEventListener("afterprint", refit);
  if (window.matchMedia) {
    var printQuery = window.matchMedia("print");
    if (printQuery.addEventListener) {
      printQuery.addEventListener("change", refit);
    }
  }

  // ---- status line -------------------------------------------------------------------------
  var status = byId("lg-status");
  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  // ---- filters -----------------------------------------------------------------------------
  var selects = FIELDS.map(function (field) {
    return byId("lg-filter-" + field);
  }).filter(Boolean);
  var neighbours = byId("lg-neighbours");
  var count = byId("lg-count");

  function sortValues(field, values) {
    return values.sort(function (a, b) {
      if (field === "level") {
        var ia = LEVEL_ORDER.indexOf(a);
        var ib = LEVEL_ORDER.indexOf(b);
        if (ia !== ib) {
          return (ia < 0 ? LEVEL_ORDER.length : ia) - (ib < 0 ? LEVEL_ORDER.length : ib);
        }
      }
      return a.localeCompare(b, "sv");
    });
  }

  selects.forEach(function (select) {
    var field = select.getAttribute("data-field");
    var seen = new Set();
    info.forEach(function (attrs) {
      attrs[field].forEach(function (value) {
        seen.add(value);
      });
    });
    sortValues(field, Array.from(seen)).forEach(function (value) {
      select.add(new Option(value, value));
    });
    if (seen.size === 0) {
      select.disabled = true;
    }
    select.addEventListener("change", applyFilters);
  });
  if (neighbours) {
    neighbours.addEventListener("change", applyFilters);
  }
  if (showStructure) {
    showStructure.addEventListener("change", function () {
      quiet = true;
      applyFilters();
      quiet = false;
    });
  }

  function chosenFilters() {
    var chosen = {};
    selects.forEach(function (select) {
      if (select.value !== "") {
        chosen[select.getAttribute("data-field")] = select.value;
      }
    });
    return chosen;
  }

  function showCount(visible) {
    if (count) {
      count.textContent = "Visar " + visible + " av " + visNodes.length + " noder";
    }
  }

  var quiet = false;
  function applyFilters() {
    var chosen = chosenFilters();
    var fields = Object.keys(chosen);
    var visible = new Set();
    info.forEach(function (attrs, id) {
      var ok = fields.every(function (field) {
        return attrs[field].indexOf(chosen[field]) >= 0;
      });
      if (ok) {
        visible.add(id);
      }
    });
    if (fields.length && neighbours && neighbours.checked) {
      Array.from(visible).forEach(function (id) {
        network.getConnectedNodes(id).forEach(function (other) {
          visible.add(other);
        });
      });
    }
    nodes.update(
      visNodes.map(function (node) {
        return { id: node.id, hidden: !visible.has(node.id) };
      }),
    );
    edges.update(
      visEdges.map(function (edge) {
        var structural = edgeKind.get(edge.id) === "structural";
        var shown = visible.has(edge.from) && visible.has(edge.to);
        return { id: edge.id, hidden: !shown || (structural && !structureShown()) };
      }),
    );
    showCount(visible.size);
    if (!quiet) {
      lastMove = fields.length ? { fit: Array.from(visible) } : { fit: null };
      moveView();
    }
    return visible.size;
  }

  function structureShown() {
    return Boolean(showStructure && showStructure.checked);
  }

  // ---- moving the view to what was found: the last search hit or the filtered nodes ------
  var lastMove = null;
  function moveView() {
    if (!lastMove) {
      return;
    }
    if (lastMove.focus !== undefined) {
      network.focus(lastMove.focus, { scale: Math.max(network.getScale(), 1.0), animation: false });
    } else if (lastMove.fit && lastMove.fit.length) {
      network.fit({ nodes: lastMove.fit, animation: false });
      if (network.getScale() > 1.5) {
        network.moveTo({ scale: 1.5, animation: false });
      }
    } else {
      network.fit({ animation: false });
    }
    placeLabels();
  }
  window.lokgraphRefocus = moveView;

  function resetFilters(keepView) {
    selects.forEach(function (select) {
      select.value = "";
    });
    quiet = keepView === true;
    applyFilters();
    quiet = false;
  }

  var reset = byId("lg-reset");
  if (reset) {
    reset.addEventListener("click", function () {
      resetFilters();
    });
  }
  var fit = byId("lg-fit");
  if (fit) {
    fit.addEventListener("click", function () {
      lastMove = { fit: null };
      moveView();
    });
  }
  showCount(visNodes.length);

  // ---- search ------------------------------------------------------------------------------
  var labels = byId("lg-labels");
  if (labels) {
    Array.from(info.values())
      .map(function (attrs) {
        return attrs.label;
      })
      .sort(function (a, b) {
        return a.localeCompare(b, "sv");
      })
      .forEach(function (label) {
        var option = document.createElement("option");
        option.value = label;
        labels.appendChild(option);
      });
  }

  function findNode(query) {
    var key = norm(query);
    if (!key) {
      return null;
    }
    var exact = null;
    var prefix = null;
    var part = null;
    info.forEach(function (attrs, id) {
      if (exact === null && attrs.key === key) {
        exact = id;
      } else if (prefix === null && attrs.key.indexOf(key) === 0) {
        prefix = id;
      } else if (part === null && attrs.key.indexOf(key) > 0) {
        part = id;
      }
    });
    if (exact !== null) {
      return exact;
    }
    return prefix !== null ? prefix : part;
  }

  function search(query) {
    var id = findNode(query);
    if (id === null) {
      network.unselectAll();
      say(norm(query) ? "Ingen nod matchar ”" + query + "”." : "");
      return null;
    }
    var message = "Hittade " + info.get(id).label + ".";
    var current = nodes.get(id);
    if (current && current.hidden) {
      resetFilters(true);
      message += " Filtret nollställdes för att visa noden.";
    }
    network.selectNodes([id]);
    lastMove = { focus: id };
    moveView();
    say(message);
    return id;
  }
  window.lokgraphSearch = search;

  var form = byId("lg-search-form");
  var input = byId("lg-search");
  if (form && input) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      search(input.value);
    });
    input.addEventListener("change", function () {
      search(input.value);
    });
  }
})();
