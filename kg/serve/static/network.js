"use strict";
// kg serve only: a link from the node selected in the focus network to its entity page.
(() => {
  const D = JSON.parse(document.getElementById("kg-data").textContent);
  const link = document.getElementById("open-entity");
  const hook = () => {
    if (!window.kgNetwork) { setTimeout(hook, 50); return; }
    window.kgNetwork.on("selectNode", (p) => {
      const n = D.nodes[p.nodes[0]];
      if (!n) return;
      link.href = "/e/" + encodeURIComponent(n.id);
      link.textContent = "打开 open " + n.label + " →";
      link.hidden = false;
    });
  };
  hook();
})();
