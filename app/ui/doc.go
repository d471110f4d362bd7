// Package ui is the floor of the go-app components: every page and
// component of the app, and its routes. It is the one package outside
// cmd/ that imports go-app and the browser; it stands on the pure
// packages (app/bundle and below) and is imported only by the binary (the
// wasm's main, and the site build that prerenders every page).
//
// It lives in the app/ folder and is named ui so that go-app's own package
// keeps its usual name, app, in every file here.
//
// Data flows one way: the bundle (app/bundle) is loaded once and readied
// for the pages (Library); the routes' components read the Library and
// render; they never change it. The same code prerenders every page at
// build time (natively) and runs in the browser (wasm), so nothing here
// may assume it is on one side.
//
// Elements are made with app.Elem("nav") rather than app.Nav(): each of
// go-app's element types brings its own copy of every method called on it
// into app.wasm, and sharing one type across the 32 tags used here took
// 45 KB off the brotli-compressed wasm (measured). Attributes go through
// Attr, which sets them exactly as the typed methods do (go-app applies
// attributes by name, value and checked as properties).
//
// For the same reason an element's fixed attributes are written as a CSS
// selector, el("p#timeline-count.count[aria-live=polite]"), and the
// shapes the pages repeat (a text element, a link, a button, an option,
// a <time>) are functions in elements.go: each fluent call is code at
// the place it is made, and the Render methods were most of this
// package's 544 KB of wasm code. Lists are built in loops rather than
// app.Range closures, optional lines with when() rather than app.If
// closures. With them the package came to 361 KB.
package ui
