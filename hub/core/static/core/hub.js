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
