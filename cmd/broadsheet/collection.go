//go:build !(js && wasm)

package main

import (
	"broadsheet/data"
	"broadsheet/data/folder"
)

// readCollection reads the collection folder dir, or the seed collection
// built into the binary when dir is "".
func readCollection(dir string) (*data.Collection, error) {
	if dir == "" {
		return folder.Read(data.Default())
	}
	return folder.ReadDir(dir)
}
