package entity

// An entities file, as Encode writes it and Decode reads it back, is a
// data file (app/datafile: magic, header, sections, checksum, trailer) of
// kind "entities file", built for the collection of N articles it
// annotates. Its sections are
//
//	entities
//	terms
//	articles
//
// The entities are
//
//	uvarint  number of entities, E
//	E        entries, in ID order: by kind, then by folded name:
//	  byte     kind<<4 | origin
//	  string   the name, front-coded against the previous entity's name
//	           (datafile.AppendFrontCoded)
//
// An entity's key is not stored: it is text.Key of the folded name, and
// Decode computes it.
//
// The terms are
//
//	uvarint  number of terms, T
//	T        strings in byte order, the display forms of the shared terms
//	         that related articles give as reasons, each front-coded
//	         against the previous term
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
// datafile.Read checks the envelope once, at the boundary; Decode then
// checks that each section is read to its end and that every ID, term,
// article and offset is in range. The facet code trusts what passed.

import (
	"encoding/binary"

	"broadsheet/app/datafile"
)

// fileKind is the entities file's kind; its version goes up whenever what
// the sections hold changes.
var fileKind = datafile.Kind{Name: "entities file", Version: 2, Sections: 3}

// Encode writes the Index as the file the browser loads beside the
// collection it was built from.
func (ix *Index) Encode() []byte {
	entities := binary.AppendUvarint(nil, uint64(len(ix.Entities)))
	prev := ""
	for _, e := range ix.Entities {
		entities = append(entities, byte(e.Kind)<<4|byte(e.Origin))
		entities = datafile.AppendFrontCoded(entities, prev, e.Name)
		prev = e.Name
	}
	terms := binary.AppendUvarint(nil, uint64(len(ix.Terms)))
	prev = ""
	for _, t := range ix.Terms {
		terms = datafile.AppendFrontCoded(terms, prev, t)
		prev = t
	}

	var articles []byte
	for i, a := range ix.Articles {
		nt := 0
		for _, m := range a.Mentions {
			if m.Title {
				nt++
			}
		}
		articles = binary.AppendUvarint(articles, uint64(nt))
		articles = binary.AppendUvarint(articles, uint64(len(a.Mentions)-nt))
		start := 0
		for j, m := range a.Mentions {
			if j == nt {
				start = 0 // the body's mentions count from its start
			}
			articles = binary.AppendUvarint(articles, uint64(m.Entity))
			articles = binary.AppendUvarint(articles, uint64(m.Start-start))
			articles = binary.AppendUvarint(articles, uint64(m.End-m.Start))
			start = m.Start
		}
		articles = binary.AppendUvarint(articles, uint64(len(a.Meta)))
		last := ID(0)
		for _, id := range a.Meta {
			articles = binary.AppendUvarint(articles, uint64(id-last))
			last = id
		}
		articles = binary.AppendUvarint(articles, uint64(len(a.Related)))
		for _, r := range a.Related {
			articles = binary.AppendVarint(articles, int64(r.Article-i))
			articles = binary.AppendUvarint(articles, uint64(len(r.Because)))
			for _, ref := range r.Because {
				if id, ok := ref.Entity(); ok {
					articles = binary.AppendUvarint(articles, 2*uint64(id))
				} else {
					t, _ := ref.Term()
					articles = binary.AppendUvarint(articles, 2*uint64(t)+1)
				}
			}
		}
	}
	return datafile.Write(fileKind, len(ix.Articles), ix.fingerprint, entities, terms, articles)
}
