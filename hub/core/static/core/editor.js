// Rich text editor: progressive enhancement of every textarea[data-rich-text].
// Without this file the textarea still works (the server turns plain text into paragraphs).
// The server sanitises everything again (hub/core/richtext.py); the allow-list here only keeps
// the editor and the submitted HTML tidy and never inserts unparsed HTML into the page.
(() => {
  "use strict";
  if (window.SafetyHubEditor) return; // loaded twice (base.html and form media)

  const ALLOWED = {
    p: [], br: [], h2: [], h3: [], h4: [], strong: [], em: [], u: [], s: [],
    ul: [], ol: [], li: [], blockquote: [], a: ["href", "title"],
    table: [], thead: [], tbody: [], tr: [], th: ["scope", "colspan", "rowspan"],
    td: ["colspan", "rowspan"], caption: [], code: [], pre: [], hr: [],
  };
  // Chromium's commands write <b>/<i>; pasted text brings <h1>, <div> and friends.
  const RENAME = { b: "strong", i: "em", h1: "h2", h5: "h4", h6: "h4", strike: "s", del: "s" };
  const DROP = new Set([
    "script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math",
    "textarea", "select", "title", "head", "meta", "link", "base", "xmp", "noembed",
    "noframes", "img", "video", "audio", "picture", "canvas", "form", "input", "button",
  ]);
  const BLOCKS = new Set([
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "table",
    "pre", "hr", "section", "article", "header", "footer", "aside", "figure",
  ]);
  const SCOPES = new Set(["row", "col", "rowgroup", "colgroup"]);
  const HTML_NS = "http://www.w3.org/1999/xhtml";
  const HTML_TAG = /<(?:\/?[a-zA-Z][^<>]*>|!--|![a-zA-Z][^<>]*>|\?[^<>]*>)/;

  function safeUrl(url) {
    const value = url.replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/g, "")
      .toLowerCase().replace(/\\/g, "/");
    const scheme = /^([a-z][a-z0-9+.-]*):/.exec(value);
    if (!scheme) return !value.split(/[/?#]/)[0].includes(":");
    return ["http", "https", "mailto"].includes(scheme[1]);
  }

  // Copy the allowed parts of a node tree into fresh elements of this document.
  function cleanChildren(source, target) {
    for (const node of source.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        target.appendChild(document.createTextNode(node.data));
        continue;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) continue; // comments, processing instructions
      if (node.namespaceURI !== HTML_NS) continue; // svg, math and their contents
      let tag = node.localName;
      if (DROP.has(tag)) continue;
      tag = RENAME[tag] || tag;
      if (tag === "div") {
        // A div of inline content is a paragraph; a div of blocks is just a wrapper.
        const hasBlocks = [...node.children].some((child) => BLOCKS.has(child.localName));
        if (!hasBlocks && target.localName !== "li" && target.localName !== "p") tag = "p";
      }
      if (!Object.hasOwn(ALLOWED, tag)) {
        cleanChildren(node, target); // unwrap: keep the text, lose the tag
        continue;
      }
      const element = document.createElement(tag);
      for (const name of ALLOWED[tag]) {
        const value = node.getAttribute(name);
        if (value === null) continue;
        if (name === "href" && !safeUrl(value)) continue;
        if (name === "scope" && !SCOPES.has(value)) continue;
        if ((name === "colspan" || name === "rowspan") && !/^[1-9][0-9]?$/.test(value)) continue;
        element.setAttribute(name, value);
      }
      cleanChildren(node, element);
      target.appendChild(element);
    }
    return target;
  }

  // Parse HTML in an inert document (no scripts run, nothing loads), then keep the allowed parts.
  function cleanHtml(html) {
    const parsed = new DOMParser().parseFromString(html, "text/html");
    return cleanChildren(parsed.body, document.createDocumentFragment());
  }

  // The same plain-text rules as plain_text_to_html on the server.
  function plainTextToFragment(text) {
    const fragment = document.createDocumentFragment();
    const blocks = text.replace(/\r\n?/g, "\n").replace(/^\n+|\n+$/g, "").split(/\n[ \t\f\v]*\n/);
    for (const block of blocks) {
      const lines = block.split("\n").map((line) => line.trim()).filter(Boolean);
      let paragraph = null;
      let list = null;
      for (const line of lines) {
        const bullet = /^[-*]\s+(.*\S.*)$/.exec(line);
        if (bullet) {
          paragraph = null;
          if (!list) list = fragment.appendChild(document.createElement("ul"));
          list.appendChild(document.createElement("li")).textContent = bullet[1].trim();
        } else {
          list = null;
          if (paragraph) paragraph.appendChild(document.createElement("br"));
          else paragraph = fragment.appendChild(document.createElement("p"));
          paragraph.appendChild(document.createTextNode(line));
        }
      }
    }
    return fragment;
  }

  // Text typed straight into the editor (or left after deleting everything) gets a paragraph;
  // the non-breaking spaces Chromium types at the ends of words become ordinary spaces.
  function wrapInlineRuns(fragment) {
    const walker = document.createTreeWalker(fragment, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      node.data = node.data.replace(/\u00a0/g, " ");
    }
    const result = document.createDocumentFragment();
    let paragraph = null;
    for (const node of [...fragment.childNodes]) {
      const block = node.nodeType === Node.ELEMENT_NODE && BLOCKS.has(node.localName);
      if (block) {
        paragraph = null;
        result.appendChild(node);
      } else if (paragraph || node.nodeType === Node.ELEMENT_NODE || node.data.trim()) {
        if (!paragraph) paragraph = result.appendChild(document.createElement("p"));
        paragraph.appendChild(node);
      }
    }
    // Empty paragraphs at the very start or end are leftovers of editing, not content.
    const blank = (node) => node && node.localName === "p" && !node.textContent.trim();
    while (blank(result.firstChild)) result.firstChild.remove();
    while (blank(result.lastChild)) result.lastChild.remove();
    for (const p of result.querySelectorAll("p")) {
      // A lone trailing <br> only holds an empty line open while editing.
      if (p.lastChild && p.lastChild.nodeName === "BR" && p.childNodes.length > 1) p.lastChild.remove();
    }
    return result;
  }

  function toFragment(value) {
    if (!value.trim()) return document.createDocumentFragment();
    return HTML_TAG.test(value) ? cleanHtml(value) : plainTextToFragment(value);
  }

  const BUTTONS = [
    { name: "Heading", command: "block", value: "h2", pressed: true },
    { name: "Subheading", command: "block", value: "h3", pressed: true },
    { name: "Bold", command: "bold", pressed: true, shortcut: "Control+B" },
    { name: "Italic", command: "italic", pressed: true, shortcut: "Control+I" },
    { name: "Bulleted list", command: "insertUnorderedList", pressed: true },
    { name: "Numbered list", command: "insertOrderedList", pressed: true },
    { name: "Link", command: "link", shortcut: "Control+K" },
    { name: "Quote", command: "block", value: "blockquote", pressed: true },
    { name: "Table", command: "table" },
    { name: "Undo formatting", command: "clear" },
  ];

  let counter = 0;

  function enhance(textarea) {
    if (textarea.dataset.richTextReady) return;
    textarea.dataset.richTextReady = "true";
    counter += 1;
    const baseId = textarea.id || `rich-text-${counter}`;
    const label = textarea.labels && textarea.labels[0];
    if (label && !label.id) label.id = `${baseId}-label`;

    const wrapper = document.createElement("div");
    wrapper.className = "rte";

    const toolbar = document.createElement("div");
    toolbar.className = "rte-toolbar";
    toolbar.setAttribute("role", "toolbar");
    const labelText = label ? label.textContent.replace(/\s+/g, " ").trim().replace(/:$/, "") : "";
    toolbar.setAttribute("aria-label", labelText ? `Formatting: ${labelText}` : "Formatting");

    const editor = document.createElement("div");
    editor.className = "rte-editor";
    editor.id = `${baseId}-editor`;
    editor.contentEditable = "true";
    editor.spellcheck = true;
    editor.setAttribute("role", "textbox");
    editor.setAttribute("aria-multiline", "true");
    if (label) editor.setAttribute("aria-labelledby", label.id);
    else if (textarea.getAttribute("aria-label")) {
      editor.setAttribute("aria-label", textarea.getAttribute("aria-label"));
    }
    for (const name of ["aria-describedby", "aria-invalid"]) {
      if (textarea.hasAttribute(name)) editor.setAttribute(name, textarea.getAttribute(name));
    }
    if (textarea.required) {
      editor.setAttribute("aria-required", "true");
      // A hidden required field would block submission; the server checks it instead.
      textarea.required = false;
    }
    toolbar.setAttribute("aria-controls", editor.id);

    const status = document.createElement("p");
    status.className = "rte-status";
    status.setAttribute("role", "status");

    editor.appendChild(toFragment(textarea.value));

    const buttons = BUTTONS.map((spec, index) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = `rte-button rte-${spec.name.toLowerCase().replace(/\s+/g, "-")}`;
      button.textContent = spec.name;
      button.tabIndex = index === 0 ? 0 : -1;
      if (spec.pressed) button.setAttribute("aria-pressed", "false");
      if (spec.shortcut) button.setAttribute("aria-keyshortcuts", spec.shortcut);
      button.addEventListener("mousedown", (event) => event.preventDefault()); // keep the selection
      button.addEventListener("click", () => {
        setRoving(button);
        run(spec);
      });
      toolbar.appendChild(button);
      return button;
    });

    function setRoving(current) {
      for (const button of buttons) button.tabIndex = button === current ? 0 : -1;
    }

    toolbar.addEventListener("keydown", (event) => {
      const index = buttons.indexOf(document.activeElement);
      if (index < 0) return;
      let next = null;
      if (event.key === "ArrowRight" || event.key === "ArrowDown") next = (index + 1) % buttons.length;
      else if (event.key === "ArrowLeft" || event.key === "ArrowUp") {
        next = (index - 1 + buttons.length) % buttons.length;
      } else if (event.key === "Home") next = 0;
      else if (event.key === "End") next = buttons.length - 1;
      if (next === null) return;
      event.preventDefault();
      setRoving(buttons[next]);
      buttons[next].focus();
    });

    // Selection bookkeeping: toolbar buttons act on the last selection inside the editor.
    let savedRange = null;

    function selectionInEditor() {
      const selection = document.getSelection();
      if (!selection || selection.rangeCount === 0) return null;
      const range = selection.getRangeAt(0);
      return editor.contains(range.commonAncestorContainer) ? range : null;
    }

    function restoreSelection() {
      const current = selectionInEditor();
      if (document.activeElement !== editor) editor.focus({ preventScroll: true });
      const selection = document.getSelection();
      if (current) {
        // Focusing may have moved the caret; the live selection is the up-to-date one.
        if (!selectionInEditor()) selection.addRange(current);
      } else if (savedRange && editor.contains(savedRange.commonAncestorContainer)) {
        selection.removeAllRanges();
        selection.addRange(savedRange);
      } else if (!selectionInEditor()) {
        const range = document.createRange();
        range.selectNodeContents(editor);
        range.collapse(false);
        selection.removeAllRanges();
        selection.addRange(range);
      }
    }

    function closestInEditor(tagNames) {
      const range = selectionInEditor() || savedRange;
      if (!range) return null;
      let node = range.startContainer;
      if (node.nodeType !== Node.ELEMENT_NODE) node = node.parentNode;
      while (node && node !== editor) {
        if (tagNames.includes(node.localName)) return node;
        node = node.parentNode;
      }
      return null;
    }

    function updateState() {
      const inEditor = Boolean(selectionInEditor() || savedRange);
      BUTTONS.forEach((spec, index) => {
        if (!spec.pressed) return;
        let pressed = false;
        if (inEditor) {
          if (spec.command === "block") pressed = Boolean(closestInEditor([spec.value]));
          else if (spec.command === "insertUnorderedList") pressed = Boolean(closestInEditor(["ul"]));
          else if (spec.command === "insertOrderedList") pressed = Boolean(closestInEditor(["ol"]));
          else pressed = document.queryCommandState(spec.command);
        }
        buttons[index].setAttribute("aria-pressed", String(pressed));
      });
    }

    function serialise() {
      if (!editor.textContent.trim() && !editor.querySelector("table, hr")) return "";
      const holder = document.createElement("div");
      holder.appendChild(wrapInlineRuns(cleanChildren(editor, document.createDocumentFragment())));
      return holder.innerHTML;
    }

    function sync() {
      textarea.value = serialise();
    }

    function say(message) {
      status.textContent = message;
    }

    function exec(command, value = null) {
      document.execCommand(command, false, value);
    }

    function toggleBlock(tag) {
      exec("formatBlock", closestInEditor([tag]) ? "<p>" : `<${tag}>`);
    }

    function link() {
      const current = closestInEditor(["a"]);
      const answer = window.prompt(
        "Link address (https://…). Leave empty to remove the link.",
        current ? current.getAttribute("href") || "" : "https://",
      );
      restoreSelection();
      if (answer === null) return;
      let url = answer.trim();
      if (url === "" || url === "https://") {
        if (current) exec("unlink");
        return;
      }
      if (!/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[/#?.]/.test(url)) {
        url = (url.includes("@") && !url.includes("/") ? "mailto:" : "https://") + url;
      }
      if (!safeUrl(url)) {
        say("That link was not added: links must start with https://, http:// or mailto:.");
        return;
      }
      const range = selectionInEditor();
      if (range && range.collapsed && !current) {
        const anchor = document.createElement("a");
        anchor.href = url;
        anchor.textContent = url.replace(/^mailto:/i, "");
        exec("insertHTML", anchor.outerHTML);
      } else {
        exec("createLink", url);
      }
      say("");
    }

    function table() {
      const html =
        "<table><thead><tr><th scope=\"col\">Heading</th><th scope=\"col\">Heading</th></tr></thead>" +
        "<tbody><tr><td>Cell</td><td>Cell</td></tr><tr><td>Cell</td><td>Cell</td></tr></tbody>" +
        "</table><p><br></p>";
      exec("insertHTML", html);
    }

    function clear() {
      exec("removeFormat");
      exec("unlink");
      if (closestInEditor(["ul"])) exec("insertUnorderedList");
      if (closestInEditor(["ol"])) exec("insertOrderedList");
      if (closestInEditor(["h2", "h3", "h4", "blockquote", "pre"])) exec("formatBlock", "<p>");
    }

    function run(spec) {
      if (spec.command !== "link") restoreSelection();
      if (spec.command === "block") toggleBlock(spec.value);
      else if (spec.command === "link") link();
      else if (spec.command === "table") table();
      else if (spec.command === "clear") clear();
      else exec(spec.command);
      savedRange = selectionInEditor() ? selectionInEditor().cloneRange() : savedRange;
      sync();
      updateState();
    }

    editor.addEventListener("keydown", (event) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const key = event.key.toLowerCase();
      const spec = BUTTONS.find(
        (candidate) => candidate.shortcut && candidate.shortcut.endsWith(`+${key.toUpperCase()}`),
      );
      if (!spec) return;
      event.preventDefault();
      run(spec);
    });

    editor.addEventListener("paste", (event) => {
      const data = event.clipboardData;
      if (!data) return;
      event.preventDefault();
      const html = data.getData("text/html");
      if (html) {
        const holder = document.createElement("div");
        holder.appendChild(cleanHtml(html));
        exec("insertHTML", holder.innerHTML);
      } else {
        exec("insertText", data.getData("text/plain"));
      }
    });
    editor.addEventListener("drop", (event) => {
      if (event.dataTransfer && event.dataTransfer.files.length) event.preventDefault();
    });

    editor.addEventListener("input", () => {
      sync();
      updateState();
    });
    document.addEventListener("selectionchange", () => {
      const range = selectionInEditor();
      if (range) {
        savedRange = range.cloneRange();
        updateState();
      }
    });
    if (label) {
      label.addEventListener("click", (event) => {
        event.preventDefault();
        editor.focus();
      });
    }
    if (textarea.form) textarea.form.addEventListener("submit", sync, true);

    wrapper.append(toolbar, editor, status);
    textarea.classList.add("rte-source");
    textarea.hidden = true;
    textarea.insertAdjacentElement("afterend", wrapper);
    sync();
  }

  function enhanceAll(root = document) {
    try {
      document.execCommand("defaultParagraphSeparator", false, "p");
      document.execCommand("styleWithCSS", false, false);
    } catch {
      // Older browsers: the serialiser turns divs into paragraphs anyway.
    }
    root.querySelectorAll("textarea[data-rich-text]").forEach(enhance);
  }

  window.SafetyHubEditor = { enhanceAll, enhance };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => enhanceAll());
  } else {
    enhanceAll();
  }
})();
