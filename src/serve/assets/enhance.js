// planlint review service: the one script, an enhancement only. The form works without it;
// with it a draft can be dropped on the form.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var zone = document.getElementById("drop-zone");
  var input = document.getElementById("file");
  if (!zone || !input) { return; }
  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (event) {
      event.preventDefault();
      zone.classList.add("over");
    });
  });
  ["dragleave", "drop"].forEach(function (name) {
    zone.addEventListener(name, function () { zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length > 0) {
      input.files = event.dataTransfer.files;
    }
  });
})();
