// Package datafile is the one container of the binary files the site build
// writes beside app.wasm and the browser reads back: the search index, the
// entities file and the events file. Read checks a file once, at the
// boundary (what it holds, that it is whole, and that it was built for the
// collection at hand) and hands its sections to the format's own code,
// with a Decoder to read them by.
package datafile

// A data file, as Write writes it and Read reads it back, is:
//
//	"broadsheet datafile 1\n"                magic, 22 bytes; 1 is the
//	                                         container's version
//	header
//	sections
//	trailer
//
// The header is
//
//	uvarint  length of the kind's name, then the name: what the file holds,
//	         "search index", "entities file", "events file"
//	uvarint  version of the kind's layout: of what its sections hold
//	uvarint  number of articles of the collection the file was built for
//	uint32   fingerprint of that collection: CRC-32 (IEEE) of its slugs,
//	         each followed by "\n" (data.Collection.Fingerprint)
//	uvarint  number of sections, S
//	S        uvarints: the length of each section, in bytes
//
// The sections follow, one after another; what is in them is the kind's
// business (its write.go draws them).
//
// The trailer is
//
//	uint32   CRC-32 (IEEE) of every byte before this one
//	"\nbroadsheet datafile end\n"            25 bytes
//
// Every uint32 is little-endian. Read checks the magic, the trailer, the
// checksum, the kind, its version and number of sections, the collection,
// and that the sections add up to exactly the bytes between the header and
// the trailer; the format code trusts what passed, except for its own
// range checks.
//
// Inside the sections, numbers are written with encoding/binary's
// AppendUvarint and AppendVarint, and strings in sorted lists with
// AppendFrontCoded. A front-coded string is
//
//	uvarint  shared<<4 | n: shared is how many bytes it has in common
//	         with the string it is coded against, n the number of bytes
//	         that follow, or 15 if they are 15 or more
//	uvarint  the number of bytes that follow, minus 15; only when n is 15
//	bytes    the rest of the string

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
)

const (
	magic        = "broadsheet datafile 1\n"
	trailerMagic = "\nbroadsheet datafile end\n"
	trailerSize  = 4 + len(trailerMagic)
)

// A Kind is what a file holds: its name, which is also how errors name the
// file, the version of its layout, and how many sections it has.
type Kind struct {
	Name     string
	Version  int
	Sections int
}

// Write returns the file of kind k with the given sections, built for a
// collection of the given number of articles and fingerprint.
func Write(k Kind, articles int, fingerprint uint32, sections ...[]byte) []byte {
	if len(sections) != k.Sections {
		panic(fmt.Sprintf("datafile: %d sections given for %s of %d", len(sections), article(k.Name), k.Sections))
	}
	size := len(magic) + 64 + trailerSize
	for _, s := range sections {
		size += len(s)
	}
	b := make([]byte, 0, size)
	b = append(b, magic...)
	b = binary.AppendUvarint(b, uint64(len(k.Name)))
	b = append(b, k.Name...)
	b = binary.AppendUvarint(b, uint64(k.Version))
	b = binary.AppendUvarint(b, uint64(articles))
	b = binary.LittleEndian.AppendUint32(b, fingerprint)
	b = binary.AppendUvarint(b, uint64(len(sections)))
	for _, s := range sections {
		b = binary.AppendUvarint(b, uint64(len(s)))
	}
	for _, s := range sections {
		b = append(b, s...)
	}
	b = binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
	return append(b, trailerMagic...)
}

// AppendFrontCoded appends s front-coded against prev.
func AppendFrontCoded(b []byte, prev, s string) []byte {
	shared := 0
	for shared < len(prev) && shared < len(s) && prev[shared] == s[shared] {
		shared++
	}
	n := len(s) - shared
	b = binary.AppendUvarint(b, uint64(shared)<<4|uint64(min(n, 15)))
	if n >= 15 {
		b = binary.AppendUvarint(b, uint64(n-15))
	}
	return append(b, s[shared:]...)
}
