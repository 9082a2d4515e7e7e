// The annex templates of templates/ are bundled as text by esbuild (scripts/build.ts: loader '.html' → 'text').
declare module '*.html' {
  const text: string;
  export default text;
}
