/* lokgraph geographic overview: hover shows a kommun's gaps, click opens its network map,
 * the län list zooms the map. Every text from the data goes in through textContent.
 */
(function () {
  "use strict";
  var holder = document.getElementById("lg-overview-data");
  var svg = document.getElementById("lg-overview-svg");
  if (!holder || !svg) {
    return;
  }
  var data = JSON.parse(holder.textContent);
  var tip = document.getElementById("lg-tip");
  var dialog = document.getElementById("lg-kommun-dialog");
  var frame = document.getElementById("lg-kommun-frame");
  var wrap = svg.parentNode;
  var MARK = "<!--lokgraph:vis-assets-->";
  var assets = null;

  function kommunOf(target) {
    var path = target && target.closest ? target.closest("path[data-kod]") : null;
    return path ? { path: path, info: data.kommuner[path.getAttribute("data-kod")] } : null;
  }

  function line(text, className) {
    var element = document.createElement(className === "strong" ? "strong" : "div");
    if (className && className !== "strong") {
      element.className = className;
    }
    element.textContent = text;
    return element;
  }

  function showTip(found, event) {
    var info = found.info;
    while (tip.firstChild) {
      tip.removeChild(tip.firstChild);
    }
    tip.appendChild(line(info.n, "strong"));
    tip.appendChild(line(data.status[info.s]));
    (info.g || []).forEach(function (text) {
      var quote = text.indexOf("  ") === 0;
      tip.appendChild(line(quote ? text.slice(2) : text, quote ? "lg-quote" : ""));
    });
    if (!info.m && !info.h) {
      tip.appendChild(line("Ingen nätverkskarta: underlaget nämner inget om kommunen.", "lg-quote"));
    }
    tip.hidden = false;
    var box = wrap.getBoundingClientRect();
    var x = event.clientX - box.left + 14;
    var y = event.clientY - box.top + 14;
    var width = tip.offsetWidth;
    var height = tip.offsetHeight;
    if (x + width > box.width) {
      x = Math.max(0, event.clientX - box.left - width - 14);
    }
    if (y + height > box.height) {
      y = Math.max(0, event.clientY - box.top - height - 14);
    }
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }

  svg.addEventListener("mousemove", function (event) {
    var found = kommunOf(event.target);
    if (found && found.info) {
      showTip(found, event);
    } else {
      tip.hidden = true;
    }
  });
  svg.addEventListener("mouseleave", function () {
    tip.hidden = true;
  });

  function openMap(code) {
    var source = document.getElementById("lg-kmap-" + code);
    if (!source || !frame || !dialog) {
      return false;
    }
    if (assets === null) {
      var vis = document.getElementById("lg-vis-assets");
      assets = vis ? JSON.parse(vis.textContent) : "";
    }
    var page = JSON.parse(source.textContent);
    frame.srcdoc = page.replace(MARK, function () {
      return assets;
    });
    if (dialog.showModal) {
      dialog.showModal();
    } else {
      dialog.setAttribute("open", "");
    }
    return true;
  }
  window.lokgraphOpenKommun = openMap;

  svg.addEventListener("click", function (event) {
    var found = kommunOf(event.target);
    if (found && found.info && found.info.m) {
      event.preventDefault();
      openMap(found.path.getAttribute("data-kod"));
    }
  });
  svg.addEventListener("keydown", function (event) {
    var found = kommunOf(event.target.querySelector ? event.target.querySelector("path") : null);
    if (event.key === "Enter" && found && found.info && found.info.m) {
      event.preventDefault();
      openMap(found.path.getAttribute("data-kod"));
    }
  });

  var zoom = document.getElementById("lg-lan");
  if (zoom) {
    zoom.addEventListener("change", function () {
      var view = data.lan[zoom.value] || data.view;
      svg.setAttribute("viewBox", view.join(" "));
    });
  }
  window.lokgraphReady = true;
  document.documentElement.setAttribute("data-ready", "true");
})();
