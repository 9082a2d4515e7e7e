// Types for color-name 1.x (it ships none): the CSS named colours, lowercase name → [red, green, blue].
declare module 'color-name' {
  const colorNames: Record<string, [number, number, number]>;
  export default colorNames;
}
