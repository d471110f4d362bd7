//go:build !(js && wasm)

package server

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"os"
	"sync"
	"time"
)

// etagCache holds the strong ETag of each file served, derived from its
// content, so that a file (an 8 MB app.wasm, say) is hashed once rather than
// on every request. An entry belongs to one file name and is trusted only
// while the file keeps the size and modification time it was hashed at; a
// rebuilt file is hashed again.
//
// Because the tag comes from the bytes sent, web/app.wasm, web/app.wasm.br
// and web/app.wasm.gz have three different tags, as HTTP requires of the
// three representations.
type etagCache struct {
	mu sync.Mutex
	m  map[string]*etagEntry
}

type etagEntry struct {
	size int64
	mod  time.Time
	once sync.Once // concurrent first requests wait for one hash
	tag  string    // "" if the file could not be read
}

// get returns the ETag of the file name, open as f with the given info. It
// reads f through ReadAt, leaving f's offset alone.
func (c *etagCache) get(name string, f *os.File, info fs.FileInfo) string {
	c.mu.Lock()
	if c.m == nil {
		c.m = make(map[string]*etagEntry)
	}
	e := c.m[name]
	if e == nil || e.size != info.Size() || !e.mod.Equal(info.ModTime()) {
		e = &etagEntry{size: info.Size(), mod: info.ModTime()}
		c.m[name] = e
	}
	c.mu.Unlock()

	e.once.Do(func() {
		h := sha256.New()
		if _, err := io.Copy(h, io.NewSectionReader(f, 0, info.Size())); err != nil {
			return
		}
		// 128 bits of SHA-256 tell any two builds' files apart.
		e.tag = `"` + hex.EncodeToString(h.Sum(nil)[:16]) + `"`
	})
	return e.tag
}
