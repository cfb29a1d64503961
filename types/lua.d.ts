// Lua scripts are bundled as text: esbuild's text loader in the build, a small plugin in vitest.
declare module '*.lua' {
  const source: string;
  export default source;
}
