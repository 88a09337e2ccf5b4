// What the two Node entries share: an `init()` that reads the WebAssembly file from the
// package folder instead of fetching it.

/** Node's `fs` module. `process.getBuiltinModule` (Node 20.16 and 22.3 on) hands it over at
 * no cost; importing `node:fs` (older Node) builds its ES module wrapper, about 2 ms, which
 * is why the import is not at the top of this file. */
async function fs() {
  return process.getBuiltinModule?.("node:fs") ?? (await import("node:fs"));
}

/** An `init()` that loads the module at `file` (a URL) once, through `initSync`. */
export function nodeInit(file, initSync) {
  let ready;
  async function load() {
    // Read synchronously: `node:fs/promises` is loaded on first use (a few milliseconds).
    const bytes = (await fs()).readFileSync(file);
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
