// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // Show/hide toggles for password fields (pasting stays allowed).
  document.querySelectorAll('input[type="password"]').forEach((input) => {
    if (input.dataset.noToggle !== undefined) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "link-button password-toggle";
    button.textContent = "Show password";
    button.setAttribute("aria-controls", input.id);
    button.addEventListener("click", () => {
      const hidden = input.type === "password";
      input.type = hidden ? "text" : "password";
      button.textContent = hidden ? "Hide password" : "Show password";
    });
    input.insertAdjacentElement("afterend", button);
  });
});

// Tag suggestions: fill the datalist for the tag being typed (after the last comma).
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("input[data-tag-suggest]").forEach((input) => {
    const list = document.getElementById(input.getAttribute("list"));
    if (!list) return;
    let timer = null;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const parts = input.value.split(",");
        const current = parts.pop().trim();
        if (current.length < 2) return;
        const done = parts.map((p) => p.trim()).filter(Boolean);
        const url = `${input.dataset.tagSuggest}?q=${encodeURIComponent(current)}`;
        try {
          const response = await fetch(url, { headers: { Accept: "application/json" } });
          const data = await response.json();
          list.replaceChildren(
            ...data.tags.map((tag) => {
              const option = document.createElement("option");
              option.value = [...done, tag].join(", ");
              return option;
            }),
          );
        } catch (error) {
          // Suggestions are a convenience; typing still works without them.
        }
      }, 200);
    });
  });
});
