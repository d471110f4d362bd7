package entity

// Decode reads the file that write.go describes. The file is checked once,
// here: its envelope by datafile.Read (magic, trailer, checksum, kind,
// collection), then every count against what is left of its section and
// every reference against what it refers to, so that a damaged or stale
// file is one clear error and never a panic in the facet code.

import (
	"fmt"
	"strings"

	"broadsheet/app/datafile"
	"broadsheet/data"
)

// maxOffset bounds a rune offset, a difference of IDs or a reason:
// anything that Decode or prepare then checks against what it refers to.
const maxOffset = 1<<31 - 1

// Decode reads an entities file that Encode wrote for c.
func Decode(c *data.Collection, b []byte) (*Index, error) {
	sections, err := datafile.Read(fileKind, b, len(c.Articles), c.Fingerprint())
	if err != nil {
		return nil, err
	}
	d := datafile.NewDecoder(fileKind)
	d.Section("entities", sections[0])
	ne := d.Count(d.Left() / 2) // an entity takes two bytes or more
	n := len(c.Articles)

	ix := &Index{Entities: make([]Entity, ne), Articles: make([]Annotations, n)}
	// Names and terms are cut out of one string each, so that decoding
	// allocates two strings rather than one per name.
	var names, terms strings.Builder
	nameEnd := make([]int, ne)
	prev := []byte(nil)
	for i := range ix.Entities {
		kb := d.Byte()
		kind, origin := Kind(kb>>4), Origin(kb&15)
		if int(kind) >= NumKinds || origin >= numOrigins {
			d.Fail(fmt.Sprintf("entity %d has kind %d, origin %d", i, kind, origin))
		}
		prev = d.FrontCoded(prev)
		names.Write(prev)
		nameEnd[i] = names.Len()
		ix.Entities[i] = Entity{Kind: kind, Origin: origin}
	}
	d.Section("terms", sections[1])
	nt := d.Count(d.Left()) // a term takes a byte or more
	ix.Terms = make([]string, nt)
	termEnd := make([]int, nt)
	prev = prev[:0]
	for i := range ix.Terms {
		prev = d.FrontCoded(prev)
		terms.Write(prev)
		termEnd[i] = terms.Len()
	}
	if err := d.Err(); err != nil {
		return nil, err
	}
	all, start := names.String(), 0
	for i := range ix.Entities {
		ix.Entities[i].Name = all[start:nameEnd[i]]
		start = nameEnd[i]
	}
	for i := 1; i < ne; i++ {
		if ix.Entities[i].Kind < ix.Entities[i-1].Kind {
			return nil, fileKind.Corrupt(fmt.Sprintf("entity %d (%q) out of order", i, ix.Entities[i].Name))
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
	d.Section("articles", sections[2])
	for i := range ix.Articles {
		a := &ix.Articles[i]
		mt := d.Count(d.Left() / 3) // a mention takes three bytes or more
		mb := d.Count(d.Left() / 3)
		if d.Err() != nil {
			break
		}
		a.Mentions = mentions.make(mt + mb)
		pos := 0
		for j := range a.Mentions {
			if j == mt {
				pos = 0
			}
			id := ID(d.Count(ne - 1))
			pos += d.Count(maxOffset)
			length := d.Count(maxOffset)
			a.Mentions[j] = Mention{Entity: id, Title: j < mt, Start: pos, End: pos + length}
		}
		k := d.Count(d.Left())
		if d.Err() != nil {
			break
		}
		a.Meta = metas.make(k)
		last := 0
		for j := range a.Meta {
			last += d.Count(maxOffset)
			if last >= ne {
				d.Fail(fmt.Sprintf("article %d: metadata entity %d, of %d", i, last, ne))
			}
			a.Meta[j] = ID(last)
		}
		r := d.Count(d.Left() / 2) // a related article takes two bytes or more
		if d.Err() != nil {
			break
		}
		a.Related = related.make(r)
		for j := range a.Related {
			other := i + int(d.Varint())
			nb := d.Count(d.Left())
			if d.Err() != nil {
				break
			}
			rel := Related{Article: other, Because: refs.make(nb)}
			for k := range rel.Because {
				v := d.Count(maxOffset)
				if v&1 == 0 {
					rel.Because[k] = Ref(v / 2)
				} else {
					rel.Because[k] = TermRef(v / 2)
				}
			}
			a.Related[j] = rel
		}
	}
	if err := d.End(); err != nil {
		return nil, err
	}
	if err := ix.prepare(c); err != nil {
		return nil, fileKind.Corrupt(err.Error())
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
