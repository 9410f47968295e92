/** Vite's `?raw` imports (tests read the protocol's document as text). */
declare module '*?raw' {
  const text: string;
  export default text;
}
