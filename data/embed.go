package data

import (
	"embed"
	"io/fs"
)

//go:embed collection
var defaultFS embed.FS

// Default is the default collection's folder (see data/folder for its
// format): the seed articles the project started from.
func Default() fs.FS {
	sub, err := fs.Sub(defaultFS, "collection")
	if err != nil {
		panic(err) // the embed pattern above guarantees the folder
	}
	return sub
}
