package entity

// Decode reads the file that write.go describes. The file is checked once,
// here: magic, trailer, checksum and fingerprint at the boundary, then
// every count against what is left of the file and every reference against
// what it refers to, so that a damaged or stale file is one clear error
// and never a panic in the facet code.

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"strings"

	"broadsheet/data"
)

// An errCorrupt reports why a file is not a usable entities file.
type errCorrupt struct{ why string }

func (e *errCorrupt) Error() string {
	return "entities file: " + e.why + " (rebuild the site with broadsheet build)"
}

// Decode reads an entities file that Encode wrote for c.
func Decode(c *data.Collection, b []byte) (*Index, error) {
	if len(b) < len(magic)+trailerSize || string(b[:len(magic)]) != magic {
		return nil, &errCorrupt{"not an entities file, or of another version"}
	}
	tr := b[len(b)-trailerSize:]
	if string(tr[4:]) != trailerMagic {
		return nil, &errCorrupt{"file is truncated (no trailer)"}
	}
	if crc32.ChecksumIEEE(b[:len(b)-trailerSize]) != binary.LittleEndian.Uint32(tr) {
		return nil, &errCorrupt{"checksum mismatch: the file is damaged"}
	}
	d := decoder{b: b[:len(b)-trailerSize], pos: len(magic)}
	n := d.count("articles", 1)
	ne := d.count("entities", 2)
	nt := d.count("terms", 2)
	fp := d.uint32()
	if d.err != nil {
		return nil, d.err
	}
	if n != len(c.Articles) || fp != c.Fingerprint() {
		return nil, &errCorrupt{fmt.Sprintf("built for another collection (%d articles; this one has %d)", n, len(c.Articles))}
	}

	ix := &Index{Entities: make([]Entity, ne), Terms: make([]string, nt), Articles: make([]Annotations, n)}
	// Names and terms are cut out of one string each, so that decoding
	// allocates two strings rather than one per name.
	var names, terms strings.Builder
	nameEnd := make([]int, ne)
	prev := []byte(nil)
	for i := range ix.Entities {
		kb := d.byte()
		kind, origin := Kind(kb>>4), Origin(kb&15)
		if d.err == nil && (int(kind) >= NumKinds || origin >= numOrigins) {
			d.fail(fmt.Sprintf("entity %d has kind %d, origin %d", i, kind, origin))
		}
		prev = d.frontCoded(prev)
		names.Write(prev)
		nameEnd[i] = names.Len()
		ix.Entities[i] = Entity{Kind: kind, Origin: origin}
	}
	termEnd := make([]int, nt)
	prev = prev[:0]
	for i := range ix.Terms {
		prev = d.frontCoded(prev)
		terms.Write(prev)
		termEnd[i] = terms.Len()
	}
	if d.err != nil {
		return nil, d.err
	}
	all, start := names.String(), 0
	for i := range ix.Entities {
		ix.Entities[i].Name = all[start:nameEnd[i]]
		start = nameEnd[i]
	}
	for i := 1; i < ne; i++ {
		if ix.Entities[i].Kind < ix.Entities[i-1].Kind {
			return nil, &errCorrupt{fmt.Sprintf("entity %d (%q) out of order", i, ix.Entities[i].Name)}
		}
	}
	all, start = terms.String(), 0
	for i := range ix.Terms {
		ix.Terms[i] = all[start:termEnd[i]]
		start = termEnd[i]
	}

	// The articles' slices are cut from a few big allocations rather than
	// made one by one: a large collection has tens of thousands of them.
	var mentions chunks[Mention]
	var metas chunks[ID]
	var related chunks[Related]
	var refs chunks[Ref]
	for i := range ix.Articles {
		a := &ix.Articles[i]
		mt := d.count("title mentions", 3)
		mb := d.count("body mentions", 3)
		if d.err != nil {
			break
		}
		a.Mentions = mentions.make(mt + mb)
		pos := 0
		for j := range a.Mentions {
			if j == mt {
				pos = 0
			}
			id := d.id(ne)
			pos += d.offset()
			length := d.offset()
			a.Mentions[j] = Mention{Entity: id, Title: j < mt, Start: pos, End: pos + length}
		}
		k := d.count("metadata values", 1)
		if d.err != nil {
			break
		}
		a.Meta = metas.make(k)
		last := 0
		for j := range a.Meta {
			last += d.offset()
			if d.err == nil && last >= ne {
				d.fail(fmt.Sprintf("article %d: metadata entity %d, of %d", i, last, ne))
			}
			a.Meta[j] = ID(last)
		}
		r := d.count("related articles", 2)
		if d.err != nil {
			break
		}
		a.Related = related.make(r)
		for j := range a.Related {
			other := i + d.varint()
			nb := d.count("reasons", 1)
			if d.err != nil {
				break
			}
			rel := Related{Article: other, Because: refs.make(nb)}
			for k := range rel.Because {
				v := d.offset()
				if v&1 == 0 {
					rel.Because[k] = Ref(v / 2)
				} else {
					rel.Because[k] = TermRef(v / 2)
				}
			}
			a.Related[j] = rel
		}
	}
	if d.err == nil && d.pos != len(d.b) {
		d.fail(fmt.Sprintf("%d bytes left over after the last article", len(d.b)-d.pos))
	}
	if d.err != nil {
		return nil, d.err
	}
	if err := ix.prepare(c); err != nil {
		return nil, &errCorrupt{err.Error()}
	}
	return ix, nil
}

// chunks hands out slices cut from blocks of at least chunkSize elements.
type chunks[T any] struct{ free []T }

const chunkSize = 4096

func (c *chunks[T]) make(n int) []T {
	if n == 0 {
		return nil
	}
	if len(c.free) < n {
		c.free = make([]T, max(n, chunkSize))
	}
	s := c.free[:n:n]
	c.free = c.free[n:]
	return s
}

// decoder reads the file's numbers and strings, remembering the first
// problem and returning zeros after it, so that the reading code checks
// once per section rather than after every number.
type decoder struct {
	b   []byte
	pos int
	err error
}

func (d *decoder) fail(why string) {
	if d.err == nil {
		d.err = &errCorrupt{why + fmt.Sprintf(" (at byte %d)", d.pos)}
	}
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.pos:])
	if n <= 0 {
		d.fail("a number runs past the end")
		return 0
	}
	d.pos += n
	return v
}

func (d *decoder) varint() int {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b[d.pos:])
	if n <= 0 || v > 1<<31 || v < -(1<<31) {
		d.fail("a number runs past the end")
		return 0
	}
	d.pos += n
	return int(v)
}

// count reads a count or a length of something of which each takes at
// least minBytes bytes: more than the rest of the file can hold is
// damage, caught before anything that big is allocated.
func (d *decoder) count(what string, minBytes int) int {
	v := d.uvarint()
	if d.err == nil && v > uint64((len(d.b)-d.pos)/minBytes+1) {
		d.fail(fmt.Sprintf("%s: %d, more than the file holds", what, v))
		return 0
	}
	return int(v)
}

// offset reads a rune offset, a difference of IDs or a reason: anything
// under 2³¹ that the reading code checks against what it refers to.
func (d *decoder) offset() int {
	v := d.uvarint()
	if d.err == nil && v >= 1<<31 {
		d.fail(fmt.Sprintf("number %d out of range", v))
		return 0
	}
	return int(v)
}

func (d *decoder) id(n int) ID {
	v := d.uvarint()
	if d.err == nil && v >= uint64(n) {
		d.fail(fmt.Sprintf("entity %d, of %d", v, n))
		return 0
	}
	return ID(v)
}

func (d *decoder) byte() byte {
	if d.err != nil {
		return 0
	}
	if d.pos >= len(d.b) {
		d.fail("file ends early")
		return 0
	}
	d.pos++
	return d.b[d.pos-1]
}

func (d *decoder) uint32() uint32 {
	if d.err != nil {
		return 0
	}
	if len(d.b)-d.pos < 4 {
		d.fail("file ends early")
		return 0
	}
	v := binary.LittleEndian.Uint32(d.b[d.pos:])
	d.pos += 4
	return v
}

// frontCoded reads a string coded against prev and returns it in prev's
// buffer.
func (d *decoder) frontCoded(prev []byte) []byte {
	shared := d.uvarint()
	n := d.count("string length", 1)
	if d.err != nil {
		return prev[:0]
	}
	if shared > uint64(len(prev)) {
		d.fail(fmt.Sprintf("string shares %d bytes with one of %d", shared, len(prev)))
		return prev[:0]
	}
	if n > len(d.b)-d.pos {
		d.fail("a string runs past the end")
		return prev[:0]
	}
	out := append(prev[:shared], d.b[d.pos:d.pos+n]...)
	d.pos += n
	return out
}
