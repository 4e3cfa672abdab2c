/* lokgraph report: each map frame gets its page, with vis-network put back in. */
(function () {
  "use strict";
  var holder = document.getElementById("lg-vis-assets");
  var assets = holder ? JSON.parse(holder.textContent) : "";
  var frames = document.querySelectorAll("iframe[data-map]");
  Array.prototype.forEach.call(frames, function (frame) {
    var source = document.getElementById(frame.getAttribute("data-map"));
    if (!source) {
      return;
    }
    var page = JSON.parse(source.textContent);
    frame.srcdoc = page.replace("<!--lokgraph:vis-assets-->", function () {
      return assets;
    });
  });
})();
