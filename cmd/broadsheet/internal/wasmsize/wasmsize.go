// Package wasmsize says what a Go wasm binary is made of: the bytes of code
// each Go package contributes, read from the binary's code section and its
// "name" section (so the binary must be built without -ldflags=-s), and the
// size of the data section. make bench prints it, to keep server-only and
// heavy packages out of app.wasm.
package wasmsize

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Package is one Go package's share of the code.
type Package struct {
	Path  string
	Bytes int
	Funcs int
}

// Report is a breakdown of one binary.
type Report struct {
	Total    int // the whole file
	Code     int // the code section
	Data     int // the data section
	Packages []Package
}

// Read breaks a wasm binary down by package.
func Read(b []byte) (*Report, error) {
	if len(b) < 8 || !bytes.Equal(b[:4], []byte("\x00asm")) {
		return nil, errors.New("not a wasm binary")
	}
	r := &Report{Total: len(b)}
	var (
		imports int
		bodies  []int // size of each function body, in order
		names   = map[int]string{}
	)
	p := 8
	for p < len(b) {
		id := b[p]
		p++
		size, n := uleb(b[p:])
		p += n
		if size < 0 || p+size > len(b) {
			return nil, fmt.Errorf("section %d runs past the end", id)
		}
		sec := b[p : p+size]
		p += size
		switch id {
		case 2: // imports: functions among them shift the indices
			count, q := uleb(sec)
			for i := 0; i < count && q < len(sec); i++ {
				for j := 0; j < 2; j++ { // module and field names
					l, n := uleb(sec[q:])
					q += n + l
				}
				kind := sec[q]
				q++
				switch kind {
				case 0: // function: type index
					imports++
					_, n := uleb(sec[q:])
					q += n
				case 1: // table: reftype + limits
					q++
					q += limits(sec[q:])
				case 2: // memory: limits
					q += limits(sec[q:])
				case 3: // global: valtype + mut
					q += 2
				}
			}
		case 10:
			r.Code = size
			count, q := uleb(sec)
			for i := 0; i < count && q < len(sec); i++ {
				l, n := uleb(sec[q:])
				bodies = append(bodies, l+n)
				q += n + l
			}
		case 11:
			r.Data = size
		case 0:
			l, n := uleb(sec)
			if n+l > len(sec) || string(sec[n:n+l]) != "name" {
				continue
			}
			readNames(sec[n+l:], names)
		}
	}
	if len(names) == 0 {
		return nil, errors.New("no name section: build without -ldflags=-s")
	}
	byPkg := map[string]*Package{}
	for i, size := range bodies {
		path := pkgOf(names[imports+i])
		pk := byPkg[path]
		if pk == nil {
			pk = &Package{Path: path}
			byPkg[path] = pk
		}
		pk.Bytes += size
		pk.Funcs++
	}
	for _, pk := range byPkg {
		r.Packages = append(r.Packages, *pk)
	}
	sort.Slice(r.Packages, func(i, j int) bool {
		if r.Packages[i].Bytes != r.Packages[j].Bytes {
			return r.Packages[i].Bytes > r.Packages[j].Bytes
		}
		return r.Packages[i].Path < r.Packages[j].Path
	})
	return r, nil
}

func readNames(sec []byte, names map[int]string) {
	for q := 0; q < len(sec); {
		sub := sec[q]
		q++
		size, n := uleb(sec[q:])
		q += n
		if size < 0 || q+size > len(sec) {
			return
		}
		if sub == 1 {
			body := sec[q : q+size]
			count, k := uleb(body)
			for i := 0; i < count && k < len(body); i++ {
				idx, n := uleb(body[k:])
				k += n
				l, n := uleb(body[k:])
				k += n
				if k+l > len(body) {
					return
				}
				names[idx] = string(body[k : k+l])
				k += l
			}
		}
		q += size
	}
}

// pkgOf is the package path of a symbol as Go's wasm name section spells
// it: slashes become underscores and a dot ends the path, but a domain's
// dot belongs to it ("github.com_sahilm_fuzzy.Find" is in
// github.com/sahilm/fuzzy). Paths are shown with slashes again, so a
// package whose own name has an underscore shows a slash there.
func pkgOf(sym string) string {
	if sym == "" {
		return "(unnamed)"
	}
	start := 0
	if us := strings.IndexByte(sym, '_'); us > 0 && domain.MatchString(sym[:us]) {
		start = us // github.com_…, golang.org_…, gopkg.in_…
	}
	end := len(sym)
	if dot := strings.IndexByte(sym[start:], '.'); dot >= 0 {
		end = start + dot
	}
	return strings.ReplaceAll(sym[:end], "_", "/")
}

var domain = regexp.MustCompile(`^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$`)

func limits(b []byte) int {
	if len(b) == 0 {
		return 0
	}
	n := 1
	_, k := uleb(b[n:])
	n += k
	if b[0]&1 == 1 {
		_, k = uleb(b[n:])
		n += k
	}
	return n
}

// uleb reads an unsigned LEB128 number, returning it and its length; -1 on
// a malformed number.
func uleb(b []byte) (int, int) {
	v, shift := 0, 0
	for i, c := range b {
		if shift > 35 {
			return -1, i
		}
		v |= int(c&0x7f) << shift
		if c&0x80 == 0 {
			return v, i + 1
		}
		shift += 7
	}
	return -1, len(b)
}
