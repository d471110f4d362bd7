package datafile

// Read checks the file that write.go describes, once, here; a Decoder then
// reads the sections it returns, checking only what each number may be.

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"strings"
)

// Read checks that b is a file of kind k, whole, built for a collection of
// the given number of articles and fingerprint, and returns its sections.
func Read(k Kind, b []byte, articles int, fingerprint uint32) ([][]byte, error) {
	another := "not " + article(k.Name) + ", or of another version"
	if len(b) < len(magic)+trailerSize || string(b[:len(magic)]) != magic {
		return nil, k.Corrupt(another)
	}
	body := b[:len(b)-trailerSize]
	if string(b[len(body)+4:]) != trailerMagic {
		return nil, k.Corrupt("file is truncated (no trailer)")
	}
	if crc32.ChecksumIEEE(body) != binary.LittleEndian.Uint32(b[len(body):]) {
		return nil, k.Corrupt("checksum mismatch: the file is damaged")
	}

	d := Decoder{kind: k}
	d.Section("header", body[len(magic):])
	name := string(d.Bytes(d.Count(d.Left())))
	version := d.Uvarint()
	n := d.Uvarint()
	fp := d.Uint32()
	lengths := make([]int, d.Count(d.Left()))
	sum := 0
	for i := range lengths {
		lengths[i] = d.Count(d.Left())
		sum += lengths[i]
	}
	switch {
	case d.err != nil:
		return nil, d.err
	case name != k.Name:
		return nil, k.Corrupt("not " + article(k.Name) + " but " + article(name))
	case version != uint64(k.Version) || len(lengths) != k.Sections:
		return nil, k.Corrupt(another)
	case n != uint64(articles) || fp != fingerprint:
		return nil, k.Corrupt(fmt.Sprintf("built for another collection (%d articles; this one has %d)", n, articles))
	case sum != d.Left():
		return nil, k.Corrupt(fmt.Sprintf("sections add up to %d bytes, not %d", sum, d.Left()))
	}
	sections := make([][]byte, len(lengths))
	for i, l := range lengths {
		sections[i] = d.Bytes(l)
	}
	return sections, nil
}

// A corrupt file names its kind and says what to do about it.
type corrupt struct{ kind, why string }

func (e *corrupt) Error() string {
	return e.kind + ": " + e.why + " (rebuild the site with broadsheet build)"
}

// Corrupt returns the error for a file of kind k that cannot be used, for
// the reason why.
func (k Kind) Corrupt(why string) error { return &corrupt{k.Name, why} }

// IsCorrupt reports whether err says a data file cannot be used, as opposed
// to, say, failing to fetch it.
func IsCorrupt(err error) bool {
	var e *corrupt
	return errors.As(err, &e)
}

// article puts "a" or "an" before a kind's name.
func article(name string) string {
	if name != "" && strings.IndexByte("aeiou", name[0]) >= 0 {
		return "an " + name
	}
	return "a " + name
}

// A Decoder reads the numbers and strings of a file's sections. Its first
// problem sticks: later reads return zeros, so that the format code checks
// once, with End, rather than after every number.
type Decoder struct {
	kind Kind
	name string // of the section being read
	b    []byte
	pos  int
	err  error
}

// NewDecoder returns a Decoder for the sections of a file of kind k.
func NewDecoder(k Kind) *Decoder { return &Decoder{kind: k} }

// Section starts reading b, the section of the given name; the section
// before it must have been read to its end.
func (d *Decoder) Section(name string, b []byte) {
	d.end()
	d.name, d.b, d.pos = name, b, 0
}

// End checks that the last section was read to its end and returns the
// first problem met, if any.
func (d *Decoder) End() error {
	d.end()
	return d.err
}

// Err returns the first problem met so far, if any.
func (d *Decoder) Err() error { return d.err }

func (d *Decoder) end() {
	if d.pos != len(d.b) {
		d.Fail(fmt.Sprintf("%d bytes left over", len(d.b)-d.pos))
	}
}

// Fail records a problem at the current place, unless one came first.
func (d *Decoder) Fail(why string) {
	if d.err == nil {
		d.err = d.kind.Corrupt(fmt.Sprintf("%s section, byte %d: %s", d.name, d.pos, why))
	}
	d.pos = len(d.b)
}

// Left is the number of bytes of the section not yet read: a bound for a
// count of things that each take a byte or more.
func (d *Decoder) Left() int { return len(d.b) - d.pos }

func (d *Decoder) Uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.pos:])
	if n <= 0 {
		d.Fail("bad number")
		return 0
	}
	d.pos += n
	return v
}

func (d *Decoder) Varint() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b[d.pos:])
	if n <= 0 {
		d.Fail("bad number")
		return 0
	}
	d.pos += n
	return v
}

// Count reads a uvarint that must not exceed limit (none passes a
// negative limit).
func (d *Decoder) Count(limit int) int {
	v := d.Uvarint()
	if d.err == nil && (limit < 0 || v > uint64(limit)) {
		d.Fail(fmt.Sprintf("number %d out of range (at most %d)", v, limit))
		return 0
	}
	return int(v)
}

func (d *Decoder) Uint32() uint32 {
	b := d.Bytes(4)
	if b == nil {
		return 0
	}
	return binary.LittleEndian.Uint32(b)
}

func (d *Decoder) Byte() byte {
	b := d.Bytes(1)
	if b == nil {
		return 0
	}
	return b[0]
}

// Bytes returns the next n bytes of the section, in the file's storage.
func (d *Decoder) Bytes(n int) []byte {
	if d.err != nil {
		return nil
	}
	if uint(n) > uint(len(d.b)-d.pos) {
		d.Fail(fmt.Sprintf("%d bytes wanted, %d left", n, len(d.b)-d.pos))
		return nil
	}
	b := d.b[d.pos : d.pos+n : d.pos+n]
	d.pos += n
	return b
}

// FrontCoded reads a string front-coded against prev, reusing prev's
// storage.
func (d *Decoder) FrontCoded(prev []byte) []byte {
	v := d.Uvarint()
	shared, n := v>>4, int(v&15)
	if shared > uint64(len(prev)) {
		d.Fail(fmt.Sprintf("front coding shares %d bytes of %d", shared, len(prev)))
		return prev[:0]
	}
	if n == 15 {
		n += d.Count(d.Left())
	}
	return append(prev[:shared], d.Bytes(n)...)
}
