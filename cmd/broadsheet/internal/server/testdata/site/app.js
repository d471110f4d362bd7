// app.js: go-app loader stand-in
const goappEnv = {};
function goappInitWebAssembly() { return fetch("/web/main.wasm"); }
