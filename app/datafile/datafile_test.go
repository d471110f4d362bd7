package datafile

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"slices"
	"strings"
	"testing"
)

var testKind = Kind{Name: "test file", Version: 1, Sections: 2}

// tiny is a file with two sections, "ab" and "cde", for a collection of
// three articles.
func tiny() []byte {
	return Write(testKind, 3, 0x04030201, []byte("ab"), []byte("cde"))
}

func TestWrite(t *testing.T) {
	want := []byte("broadsheet datafile 1\n")
	want = append(want, 9)
	want = append(want, "test file"...)
	want = append(want,
		1,                      // version
		3,                      // articles
		0x01, 0x02, 0x03, 0x04, // fingerprint
		2,    // sections
		2, 3, // their lengths
	)
	want = append(want, "abcde"...)
	want = binary.LittleEndian.AppendUint32(want, crc32.ChecksumIEEE(want))
	want = append(want, "\nbroadsheet datafile end\n"...)
	b := tiny()
	if !bytes.Equal(b, want) {
		t.Fatalf("file is\n% x\nwant\n% x", b, want)
	}
	sections, err := Read(testKind, b, 3, 0x04030201)
	if err != nil {
		t.Fatal(err)
	}
	if len(sections) != 2 || string(sections[0]) != "ab" || string(sections[1]) != "cde" {
		t.Errorf("sections %q, want ab and cde", sections)
	}
	// A section cannot be appended to into the next one.
	if cap(sections[0]) != 2 {
		t.Errorf("first section has capacity %d, want 2", cap(sections[0]))
	}
}

// resum fixes the checksum of a file after a test has changed it, so that
// the damage reaches the checks behind the checksum.
func resum(b []byte) []byte {
	b = slices.Clone(b)
	n := len(b) - trailerSize
	binary.LittleEndian.PutUint32(b[n:], crc32.ChecksumIEEE(b[:n]))
	return b
}

func TestReadCorrupt(t *testing.T) {
	good := tiny()
	body := len(good) - trailerSize // where the trailer starts
	for _, tc := range []struct {
		name     string
		b        []byte
		articles int
		fp       uint32
		want     string
	}{
		{"empty", nil, 3, 0x04030201, "test file: not a test file, or of another version"},
		{"wrong magic", append([]byte("broadsheet datafile 0\n"), good[len(magic):]...), 3, 0x04030201, "not a test file, or of another version"},
		{"JSON", []byte(`{"name":"tiny","articles":[]}` + strings.Repeat(" ", 100)), 3, 0x04030201, "not a test file, or of another version"},
		{"old search index", []byte("broadsheet search index 1\n" + strings.Repeat("x", 60)), 3, 0x04030201, "not a test file"},
		{"truncated", good[:len(good)-10], 3, 0x04030201, "file is truncated (no trailer)"},
		{"flipped byte", func() []byte { b := slices.Clone(good); b[body-2] ^= 1; return b }(), 3, 0x04030201, "checksum mismatch: the file is damaged"},
		{"another kind", Write(Kind{"entities file", 1, 2}, 3, 0x04030201, nil, nil), 3, 0x04030201, "not a test file but an entities file"},
		{"another version", Write(Kind{"test file", 2, 2}, 3, 0x04030201, nil, nil), 3, 0x04030201, "not a test file, or of another version"},
		{"another collection", good, 3, 0x04030200, "built for another collection (3 articles; this one has 3)"},
		{"more articles", good, 4, 0x04030201, "built for another collection (3 articles; this one has 4)"},
		{"another number of sections", Write(Kind{"test file", 1, 3}, 3, 0x04030201, nil, nil, nil), 3, 0x04030201, "not a test file, or of another version"},
		{"section too long", resum(slices.Concat(good[:body-5-2], []byte{4}, good[body-5-1:])), 3, 0x04030201, "sections add up to 7 bytes, not 5"},
		{"bytes after the sections", resum(slices.Concat(good[:body], []byte{0}, good[body:])), 3, 0x04030201, "sections add up to 5 bytes, not 6"},
		{"header cut short", resum(slices.Concat(good[:len(magic)+1], good[body:])), 3, 0x04030201, "header section"},
	} {
		sections, err := Read(testKind, tc.b, tc.articles, tc.fp)
		if err == nil {
			t.Errorf("%s: read %q, want an error", tc.name, sections)
			continue
		}
		if sections != nil || !IsCorrupt(err) || !strings.Contains(err.Error(), tc.want) || !strings.HasSuffix(err.Error(), "(rebuild the site with broadsheet build)") {
			t.Errorf("%s: error %q, want one about %q", tc.name, err, tc.want)
		}
	}
	// Every single-byte change and every cut is caught, never a panic.
	for i := range good {
		b := slices.Clone(good)
		b[i] ^= 0x40
		if _, err := Read(testKind, b, 3, 0x04030201); err == nil {
			t.Errorf("changing byte %d went unnoticed", i)
		}
		if _, err := Read(testKind, good[:i], 3, 0x04030201); err == nil {
			t.Errorf("cutting at byte %d went unnoticed", i)
		}
	}
	// Damage that passes the checksum (a file written wrongly) is caught
	// by the header's checks, never a panic; a change in a section's
	// bytes is the format's to notice.
	for i := len(magic); i < body; i++ {
		for _, v := range []byte{0, 0x7f, 0x80, 0xff} {
			b := slices.Clone(good)
			b[i] = v
			Read(testKind, resum(b), 3, 0x04030201)
		}
	}
}

func TestDecoder(t *testing.T) {
	d := NewDecoder(testKind)
	d.Section("numbers", binary.AppendVarint([]byte{0x96, 0x01, 5}, -300))
	if v := d.Uvarint(); v != 150 {
		t.Errorf("Uvarint = %d, want 150", v)
	}
	if v := d.Count(5); v != 5 {
		t.Errorf("Count = %d, want 5", v)
	}
	if v := d.Varint(); v != -300 {
		t.Errorf("Varint = %d, want -300", v)
	}
	d.Section("bytes", []byte{1, 2, 3, 4, 9, 'x', 'y'})
	if v := d.Uint32(); v != 0x04030201 {
		t.Errorf("Uint32 = %#x", v)
	}
	if v := d.Byte(); v != 9 {
		t.Errorf("Byte = %d, want 9", v)
	}
	if d.Left() != 2 || string(d.Bytes(2)) != "xy" {
		t.Error("Bytes does not return the rest")
	}
	if err := d.End(); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name    string
		section []byte
		read    func(d *Decoder)
		want    string
	}{
		{"number past the end", []byte{0x80}, func(d *Decoder) { d.Uvarint() }, "test file: s section, byte 0: bad number (rebuild the site with broadsheet build)"},
		{"signed number past the end", []byte{0x80}, func(d *Decoder) { d.Varint() }, "bad number"},
		{"count out of range", []byte{6}, func(d *Decoder) { d.Count(5) }, "s section, byte 1: number 6 out of range (at most 5)"},
		{"bytes past the end", []byte{1, 2}, func(d *Decoder) { d.Bytes(3) }, "3 bytes wanted, 2 left"},
		{"uint32 past the end", []byte{1, 2, 3}, func(d *Decoder) { d.Uint32() }, "4 bytes wanted, 3 left"},
		{"byte past the end", nil, func(d *Decoder) { d.Byte() }, "1 bytes wanted, 0 left"},
		{"front coding past its string", []byte{0x31, 'x'}, func(d *Decoder) { d.FrontCoded([]byte("ab")) }, "front coding shares 3 bytes of 2"},
		{"string past the end", []byte{0x03, 'x'}, func(d *Decoder) { d.FrontCoded(nil) }, "3 bytes wanted, 1 left"},
		{"left over", []byte{1, 2}, func(d *Decoder) { d.Byte() }, "s section, byte 1: 1 bytes left over"},
		{"nothing within a negative limit", []byte{0}, func(d *Decoder) { d.Count(-1) }, "number 0 out of range (at most -1)"},
		{"first error wins", []byte{6, 1}, func(d *Decoder) {
			d.Count(5)
			if d.Err() == nil {
				t.Error("Err is nil after a failed read")
			}
			d.Fail("later")
			if d.Byte() != 0 || d.Uvarint() != 0 || d.Bytes(1) != nil {
				t.Error("reads after an error return more than zeros")
			}
		}, "number 6 out of range"},
	} {
		d := NewDecoder(testKind)
		d.Section("s", tc.section)
		tc.read(d)
		err := d.End()
		if err == nil || !IsCorrupt(err) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one about %q", tc.name, err, tc.want)
		}
	}
}

func TestFrontCoded(t *testing.T) {
	if got, want := AppendFrontCoded(nil, "likes", "limit"), []byte{2<<4 | 3, 'm', 'i', 't'}; !bytes.Equal(got, want) {
		t.Errorf("limit against likes is % x, want % x", got, want)
	}
	long := strings.Repeat("z", 20)
	if got, want := AppendFrontCoded(nil, "", long), append([]byte{15, 5}, long...); !bytes.Equal(got, want) {
		t.Errorf("20 bytes against nothing are % x, want % x", got, want)
	}
	words := []string{"", "a", "ab", "abc", "abd", strings.Repeat("b", 14), strings.Repeat("b", 15), strings.Repeat("b", 16) + "c", strings.Repeat("b", 300), "c"}
	var b []byte
	prev := ""
	for _, w := range words {
		b = AppendFrontCoded(b, prev, w)
		prev = w
	}
	d := NewDecoder(testKind)
	d.Section("words", b)
	var got []byte
	for _, w := range words {
		got = d.FrontCoded(got)
		if string(got) != w {
			t.Errorf("read %q, want %q", got, w)
		}
	}
	if err := d.End(); err != nil {
		t.Error(err)
	}
}
