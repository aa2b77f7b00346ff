// What esbuild.mjs puts into the bundle at build time.

/** A documentation page's text (esbuild's text loader), so the program and the docs say the same. */
declare module '*.md' {
  const text: string;
  export default text;
}

/** The version in the root package.json. */
declare const CORROBORATE_VERSION: string;
