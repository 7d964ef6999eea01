// Declarations for the page's build (web/build.mjs).

/** The package version, set by the build. */
declare const __VERSION__: string;

// The core sets V8's Error.stackTraceLimit (Chromium has it; other browsers ignore the assignment). The DOM
// library does not declare it, so the page's type check would stop at the core's code without this.
interface ErrorConstructor {
  stackTraceLimit: number;
}
