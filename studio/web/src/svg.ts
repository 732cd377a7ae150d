// The map's SVG from the server, made safe to show: parsed as SVG (never
// as HTML), without scripts, foreign (HTML) content, embedded or referenced
// content (`image`, `use`: the drawing has none), event handler attributes
// or links leaving the drawing, then imported as nodes.

const DROPPED = new Set(["script", "foreignobject", "iframe", "object", "embed", "use", "image", "feimage"]);

export function safeSvg(content: string): SVGSVGElement | null {
  const parsed = new DOMParser().parseFromString(content, "image/svg+xml");
  const root = parsed.documentElement;
  if (root.nodeName !== "svg" || parsed.getElementsByTagName("parsererror").length > 0) return null;
  clean(root);
  const svg = document.importNode(root, true) as unknown as SVGSVGElement;
  return svg;
}

function clean(node: Element): void {
  for (const child of Array.from(node.children)) {
    if (DROPPED.has(child.localName.toLowerCase())) child.remove();
    else clean(child);
  }
  for (const attribute of Array.from(node.attributes)) {
    const name = attribute.name.toLowerCase();
    const value = attribute.value.trim().toLowerCase();
    const link = name === "href" || name.endsWith(":href") || name === "src";
    if (name.startsWith("on") || (link && !value.startsWith("#")) || value.startsWith("javascript:")) {
      node.removeAttribute(attribute.name);
    }
  }
}
