// DOM built from data without ever interpreting it as HTML: text goes
// through textContent, attributes through setAttribute. Customer values may
// hold anything (`<script>`, `onerror=`…); here they stay text.

/** el("td", {class: "num"}, "12", child…) */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) throw new Error(`no event attributes: ${name}`);
    node.setAttribute(name, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (child instanceof Node) node.appendChild(child);
    else node.appendChild(document.createTextNode(String(child)));
  }
}
