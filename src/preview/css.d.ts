/** Stylesheets are bundled as text (webpack asset/source) and injected by the page that imports them. */
declare module '*.css' {
  const text: string;
  export default text;
}
