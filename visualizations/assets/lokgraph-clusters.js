/* lokgraph: one cluster per län that opens on click; search and filters open them first. */
(function () {
  "use strict";
  var network = window.lokgraphNetwork;
  var data = window.lokgraphData;
  var spec = document.getElementById("lg-clusters");
  if (!network || !data || !spec) {
    return;
  }
  var clusters = JSON.parse(spec.textContent);
  var clusterOf = new Map();
  var timer = null;

  function norm(text) {
    return String(text).normalize("NFC").toLocaleLowerCase("sv").trim();
  }
  function tip(text) {
    var element = document.createElement("div");
    element.className = "lg-tooltip";
    element.textContent = text;
    return element;
  }
  function stop() {
    network.setOptions({ physics: { enabled: false } });
    // the nodes have moved: show again what the last search or filter found
    if (window.lokgraphRefocus) {
      window.lokgraphRefocus();
    }
  }
  function relax() {
    network.setOptions({ physics: { enabled: true } });
    network.once("stabilized", stop);
    clearTimeout(timer);
    timer = setTimeout(stop, 4000);
  }
  // isCluster() logs an error for an id that is gone, as an opened cluster is.
  function isClosed(id) {
    return network.body.nodes[id] !== undefined && network.isCluster(id);
  }
  function openCluster(id) {
    if (!isClosed(id)) {
      return false;
    }
    network.openCluster(id);
    relax();
    return true;
  }
  function openAll() {
    var opened = false;
    clusters.forEach(function (c) {
      if (isClosed(c.id)) {
        network.openCluster(c.id);
        opened = true;
      }
    });
    if (opened) {
      relax();
    }
  }
  function openFor(query) {
    var key = norm(query);
    if (!key) {
      return;
    }
    var opened = false;
    data.nodes.forEach(function (node) {
      var cid = clusterOf.get(node.id);
      if (cid && norm(node.label).indexOf(key) >= 0 && isClosed(cid)) {
        network.openCluster(cid);
        opened = true;
      }
    });
    if (opened) {
      relax();
    }
  }

  clusters.forEach(function (c) {
    var members = new Set(c.members);
    c.members.forEach(function (id) {
      clusterOf.set(id, c.id);
    });
    network.cluster({
      joinCondition: function (node) {
        return members.has(node.id);
      },
      clusterNodeProperties: {
        id: c.id,
        label: c.label,
        title: tip(c.tooltip),
        shape: "dot",
        size: c.size,
        borderWidth: 2,
        color: { background: "#dfe6ef", border: "#3b4a5f" },
        font: { size: 18, face: "system-ui, Segoe UI, Roboto, Arial, sans-serif" },
      },
    });
  });

  network.on("click", function (params) {
    if (params.nodes.length === 1) {
      openCluster(params.nodes[0]);
    }
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length === 1) {
      openCluster(params.nodes[0]);
    }
  });

  // Capture phase: runs before the page's own search and filter handlers.
  var input = document.getElementById("lg-search");
  document.addEventListener(
    "submit",
    function (event) {
      if (input && event.target && event.target.id === "lg-search-form") {
        openFor(input.value);
      }
    },
    true,
  );
  document.addEventListener(
    "change",
    function (event) {
      var target = event.target;
      if (target === input) {
        openFor(input.value);
      } else if (target && target.id && target.id.indexOf("lg-filter-") === 0 && target.value) {
        openAll();
      }
    },
    true,
  );
  var search = window.lokgraphSearch;
  if (search) {
    window.lokgraphSearch = function (query) {
      openFor(query);
      return search(query);
    };
  }
  window.lokgraphClusters = {
    open: openCluster,
    openAll: openAll,
    openFor: openFor,
    isClosed: isClosed,
  };
})();
