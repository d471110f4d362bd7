// Package data is the ground floor of Broadsheet: the collection model —
// articles with partial dates — and the default collection, the seed
// articles kept as human-editable Markdown files under data/collection
// and embedded in the binary.
//
// The floors of the tree, from the ground up; every import points down:
//
//	data/, data/folder        the model and the collection folder format (this floor)
//	app/text, search, …       pure packages the browser and the build share (app/bundle)
//	app/ui                    the go-app components
//	cmd/broadsheet/internal/  build-time work and the server (internal/derive)
//	cmd/broadsheet            the binary
//
// data and its sub-packages import nothing else of Broadsheet's, and
// everything else imports them (the wasm app included), so this floor
// stays small: no parsing of foreign formats (that is the build-time
// ingest package's, cmd/broadsheet/internal/ingest); the Markdown folder
// format is read and written by data/folder; data/corpus reads the shared
// collections that tests and benchmarks measure against.
package data
