// Highlights the spans of each mention by building DOM nodes from code-point offsets.
// The text is untrusted: it only ever goes into text nodes (textContent), never markup.
(function () {
  "use strict";
  var data = document.getElementById("mention-data");
  if (!data) { return; }
  var mentions = JSON.parse(data.textContent);
  var byIndex = {};
  mentions.forEach(function (m) { byIndex[m.index] = m; });

  function highlight(block, m) {
    var chars = Array.from(m.text);  // offsets count code points, not UTF-16 units
    var roles = Object.keys(m.spans);
    var cuts = [0, chars.length];
    roles.forEach(function (r) {
      var s = m.spans[r];
      cuts.push(Math.max(0, Math.min(chars.length, s[0])));
      cuts.push(Math.max(0, Math.min(chars.length, s[1])));
    });
    cuts = cuts.filter(function (v, i, a) { return a.indexOf(v) === i; })
               .sort(function (a, b) { return a - b; });
    var frag = document.createDocumentFragment();
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1];
      var piece = chars.slice(a, b).join("");
      var covering = roles.filter(function (r) {
        return m.spans[r][0] <= a && b <= m.spans[r][1];
      }).sort(function (x, y) {  // the narrowest span colours the piece
        return (m.spans[x][1] - m.spans[x][0]) - (m.spans[y][1] - m.spans[y][0]);
      });
      if (covering.length === 0) {
        frag.appendChild(document.createTextNode(piece));
      } else {
        var mark = document.createElement("mark");
        mark.className = covering.map(function (r) { return "span-" + r; }).join(" ");
        mark.setAttribute("data-roles", covering.join(" "));
        mark.title = covering.join(", ");
        mark.textContent = piece;
        frag.appendChild(mark);
      }
    }
    block.textContent = "";
    block.appendChild(frag);
  }

  document.querySelectorAll("li.mention").forEach(function (li) {
    var m = byIndex[li.getAttribute("data-index")];
    var block = li.querySelector(".mention-text");
    if (m && block) { highlight(block, m); }
  });
  document.body.setAttribute("data-highlighted", "true");
})();
