// Answers the visible texts of the page whose contrast with their background is below WCAG AA:
// 4.5:1, or 3:1 for large text (24px, or 18.66px bold). The background is the first opaque one
// among the element and its ancestors (the page draws no text over images).
const luminance = ([r, g, b]) => {
  const channel = (value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
};
const rgba = (text) => (text.match(/[\d.]+/g) || []).map(Number);
const background = (element) => {
  for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
    const color = rgba(getComputedStyle(node).backgroundColor);
    if (color.length === 3 || (color.length === 4 && color[3] === 1)) return color.slice(0, 3);
  }
  return [255, 255, 255];
};
const failures = [];
for (const element of document.querySelectorAll('body *')) {
  const ownText = [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent.trim());
  if (!ownText || element.offsetParent === null) continue;
  const style = getComputedStyle(element);
  if (style.visibility === 'hidden' || element.closest('option, .visually-hidden, [hidden]')) continue;
  const fore = luminance(rgba(style.color));
  const back = luminance(background(element));
  const ratio = (Math.max(fore, back) + 0.05) / (Math.min(fore, back) + 0.05);
  const size = parseFloat(style.fontSize);
  const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
  if (ratio < (large ? 3 : 4.5)) {
    failures.push(`${ratio.toFixed(2)}:1 ${element.tagName.toLowerCase()} "${element.textContent.trim().slice(0, 40)}"`);
  }
}
return failures;
