// wasm_exec.js stand-in
"use strict";
globalThis.Go = class {};
