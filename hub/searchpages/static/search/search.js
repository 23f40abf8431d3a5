// Tag suggestions for the search form (progressive enhancement: the field works without it).
(function () {
  "use strict";
  // Leave empty fields out of the URL, so a shared search link stays short and readable.
  function tidyOnSubmit() {
    var form = document.querySelector("form.search-form");
    if (!form) return;
    form.addEventListener("submit", function () {
      Array.prototype.forEach.call(form.elements, function (field) {
        if (field.name && field.type !== "radio" && field.type !== "checkbox" && !field.value) {
          field.disabled = true;
        }
      });
      // Re-enable after the browser has read the form (the page may come back from cache).
      setTimeout(function () {
        Array.prototype.forEach.call(form.elements, function (field) { field.disabled = false; });
      }, 0);
    });
  }

  function init() {
    tidyOnSubmit();
    var input = document.querySelector("[data-tag-suggest]");
    var box = document.getElementById("tag-suggestions");
    if (!input || !box || !window.fetch) return;
    var timer = null;
    var lastTyped = "";

    function parts() {
      return input.value.split(",");
    }

    function choose(name) {
      var list = parts();
      list[list.length - 1] = " " + name;
      input.value = list.map(function (p) { return p.trim(); }).filter(Boolean).join(", ") + ", ";
      box.textContent = "";
      input.focus();
    }

    function show(names) {
      box.textContent = "";
      if (!names.length) return;
      var label = document.createElement("span");
      label.className = "meta";
      label.textContent = "Suggested tags:";
      box.appendChild(label);
      names.forEach(function (name) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button button-small";
        button.textContent = name;
        button.addEventListener("click", function () { choose(name); });
        box.appendChild(button);
      });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      var typed = parts()[parts().length - 1].trim();
      if (typed.length < 2) { box.textContent = ""; return; }
      timer = setTimeout(function () {
        if (typed === lastTyped) return;
        lastTyped = typed;
        fetch("/search/tags/?q=" + encodeURIComponent(typed), { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : { tags: [] }; })
          .then(function (data) { show(data.tags || []); })
          .catch(function () { box.textContent = ""; });
      }, 200);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
