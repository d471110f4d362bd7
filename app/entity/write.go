package entity

// An entities file, as Encode writes it and Decode reads it back, is:
//
//	"broadsheet entities 1\n"                magic, 22 bytes
//	header
//	entities
//	terms
//	articles
//	trailer
//
// The header is
//
//	uvarint  number of articles, N
//	uvarint  number of entities, E
//	uvarint  number of terms, T
//	uint32   fingerprint of the collection: CRC-32 (IEEE) of its slugs,
//	         each followed by "\n" (as in the search index)
//
// The entities are E entries, in ID order: by kind, then by folded name.
// Each is
//
//	byte     kind<<4 | origin
//	string   the name, front-coded against the previous entity's name
//
// An entity's key is not stored: it is text.Key of the folded name, and
// Decode computes it.
//
// The terms are T entries in byte order, the display forms of the shared
// terms that related articles give as reasons, each a string front-coded
// against the previous term.
//
// A front-coded string is
//
//	uvarint  how many bytes it shares with the string before it
//	uvarint  the number of bytes that follow
//	bytes    the rest of the string
//
// The articles are N entries, in the collection's order. Each is
//
//	uvarint  number of mentions in the title, MT
//	uvarint  number of mentions in the body, MB
//	MT + MB mentions, the title's then the body's, each in text order:
//	  uvarint  entity ID
//	  uvarint  start − the previous mention's start in the same field
//	           (the first: start), in runes
//	  uvarint  end − start
//	uvarint  number of metadata values, K
//	K        uvarints: the IDs in increasing order, each minus the one
//	         before it (the first: the ID)
//	uvarint  number of related articles, R
//	R        related articles, most related first:
//	  varint   the related article's position − this article's position
//	  uvarint  number of reasons, B
//	  B        uvarints: 2·ID for an entity, 2·term + 1 for a term
//
// The trailer is
//
//	uint32   CRC-32 (IEEE) of every byte before this one
//	"\nbroadsheet entities end\n"            25 bytes
//
// Every uint32 is little-endian. Decode checks the magic, the trailer and
// the checksum once, at the boundary, then that every ID, term, article
// and offset is in range; the facet code trusts what passed.

import (
	"encoding/binary"
	"hash/crc32"
)

const (
	magic        = "broadsheet entities 1\n"
	trailerMagic = "\nbroadsheet entities end\n"
	trailerSize  = 4 + len(trailerMagic)
)

// Encode writes the Index as the file the browser loads beside the
// collection it was built from.
func (ix *Index) Encode() []byte {
	b := []byte(magic)
	b = binary.AppendUvarint(b, uint64(len(ix.Articles)))
	b = binary.AppendUvarint(b, uint64(len(ix.Entities)))
	b = binary.AppendUvarint(b, uint64(len(ix.Terms)))
	b = binary.LittleEndian.AppendUint32(b, ix.fingerprint)

	prev := ""
	for _, e := range ix.Entities {
		b = append(b, byte(e.Kind)<<4|byte(e.Origin))
		b = appendFrontCoded(b, prev, e.Name)
		prev = e.Name
	}
	prev = ""
	for _, t := range ix.Terms {
		b = appendFrontCoded(b, prev, t)
		prev = t
	}

	for i, a := range ix.Articles {
		nt := 0
		for _, m := range a.Mentions {
			if m.Title {
				nt++
			}
		}
		b = binary.AppendUvarint(b, uint64(nt))
		b = binary.AppendUvarint(b, uint64(len(a.Mentions)-nt))
		start := 0
		for j, m := range a.Mentions {
			if j == nt {
				start = 0 // the body's mentions count from its start
			}
			b = binary.AppendUvarint(b, uint64(m.Entity))
			b = binary.AppendUvarint(b, uint64(m.Start-start))
			b = binary.AppendUvarint(b, uint64(m.End-m.Start))
			start = m.Start
		}
		b = binary.AppendUvarint(b, uint64(len(a.Meta)))
		last := ID(0)
		for _, id := range a.Meta {
			b = binary.AppendUvarint(b, uint64(id-last))
			last = id
		}
		b = binary.AppendUvarint(b, uint64(len(a.Related)))
		for _, r := range a.Related {
			b = binary.AppendVarint(b, int64(r.Article-i))
			b = binary.AppendUvarint(b, uint64(len(r.Because)))
			for _, ref := range r.Because {
				if id, ok := ref.Entity(); ok {
					b = binary.AppendUvarint(b, 2*uint64(id))
				} else {
					t, _ := ref.Term()
					b = binary.AppendUvarint(b, 2*uint64(t)+1)
				}
			}
		}
	}
	b = binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
	return append(b, trailerMagic...)
}

func appendFrontCoded(b []byte, prev, s string) []byte {
	shared := 0
	for shared < len(prev) && shared < len(s) && prev[shared] == s[shared] {
		shared++
	}
	b = binary.AppendUvarint(b, uint64(shared))
	b = binary.AppendUvarint(b, uint64(len(s)-shared))
	return append(b, s[shared:]...)
}
