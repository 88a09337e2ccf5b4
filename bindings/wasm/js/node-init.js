// What the two Node entries share: an `init()` that reads the WebAssembly file from the
// package folder instead of fetching it.
import { readFileSync } from "node:fs";

/** An `init()` that loads the module at `file` (a URL) once, through `initSync`. */
export function nodeInit(file, initSync) {
  let ready;
  // `async` although nothing in it waits: `init()` returns a promise, as in browsers.
  async function load() {
    // Read synchronously: `node:fs` is part of Node's start-up, `node:fs/promises` is loaded
    // on first use (a few milliseconds).
    const bytes = readFileSync(file);
    // Compiled and instantiated synchronously: the asynchronous path asks whether `Response`
    // exists, which makes Node load its fetch implementation (about 15 ms), and compiling on
    // this thread is about half a millisecond quicker than handing the bytes to another.
    initSync({ module: new WebAssembly.Module(bytes) });
  }
  /** Loads the WebAssembly module; call once, before anything else. Later calls do nothing. */
  return function init() {
    ready ??= load();
    return ready;
  };
}
