// Progressive enhancement for moderators: drag across the photo to mark an area to blur.
// Each mark fills the next empty row of the blur form (percentages of the photo); without this
// script the moderator types the numbers.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("[data-blur-form]");
  if (!form) return;
  const stage = form.querySelector("[data-blur-stage]");
  const canvas = form.querySelector("[data-blur-canvas]");
  const rows = Array.from(form.querySelectorAll("[data-blur-row]"));
  const parts = ["left", "top", "width", "height"];
  stage.hidden = false;

  const inputsOf = (row) => parts.map((part) => row.querySelector(`input[name$="_${part}"]`));
  const isEmpty = (row) => inputsOf(row).every((input) => input.value === "");
  const round = (value) => Math.round(Math.min(100, Math.max(0, value)) * 10) / 10;

  const draw = (box) => {
    const mark = document.createElement("div");
    mark.className = "blur-mark";
    mark.style.left = `${box.left}%`;
    mark.style.top = `${box.top}%`;
    mark.style.width = `${box.width}%`;
    mark.style.height = `${box.height}%`;
    canvas.appendChild(mark);
    return mark;
  };

  let start = null;
  let current = null;
  const point = (event) => {
    const rect = canvas.getBoundingClientRect();
    return {
      x: round(((event.clientX - rect.left) / rect.width) * 100),
      y: round(((event.clientY - rect.top) / rect.height) * 100),
    };
  };
  const boxFrom = (a, b) => ({
    left: Math.min(a.x, b.x),
    top: Math.min(a.y, b.y),
    width: round(Math.abs(a.x - b.x)),
    height: round(Math.abs(a.y - b.y)),
  });

  canvas.addEventListener("pointerdown", (event) => {
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    start = point(event);
    current = draw({ left: start.x, top: start.y, width: 0, height: 0 });
  });
  canvas.addEventListener("pointermove", (event) => {
    if (!start) return;
    const box = boxFrom(start, point(event));
    current.style.left = `${box.left}%`;
    current.style.top = `${box.top}%`;
    current.style.width = `${box.width}%`;
    current.style.height = `${box.height}%`;
  });
  canvas.addEventListener("pointerup", (event) => {
    if (!start) return;
    const box = boxFrom(start, point(event));
    start = null;
    const row = rows.find(isEmpty);
    if (!row || box.width < 0.5 || box.height < 0.5) {
      current.remove();
      return;
    }
    inputsOf(row).forEach((input, i) => {
      input.value = box[parts[i]];
    });
  });

  form.querySelector("[data-blur-clear]").addEventListener("click", () => {
    canvas.querySelectorAll(".blur-mark").forEach((mark) => mark.remove());
    rows.forEach((row) => inputsOf(row).forEach((input) => (input.value = "")));
  });
});
