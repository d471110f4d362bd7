package ingest

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// The text encoding of a file is decided once, here, before any parser
// sees it: parsers and the adapter only ever handle valid UTF-8.
//
//   - A UTF-8 byte order mark is dropped; UTF-16 (which always has one in
//     practice) is converted.
//   - A file with bytes that are not UTF-8 but no UTF-8 sequence at all is
//     an old single-byte export (Excel's CSV, say) and is read as
//     Windows-1252, a superset of Latin-1. That is noted, not counted as a
//     repair: nothing is lost.
//   - Otherwise the bad bytes are damage in a UTF-8 file: each run of them
//     becomes U+FFFD and the line is reported as repaired.
//
// XML that declares another encoding is left to the feed parser, which
// converts it by the declaration.

// xmlEncodingRE finds the encoding an XML declaration names.
var xmlEncodingRE = regexp.MustCompile(`^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']`)

// toUTF8 returns b as valid UTF-8 and what was done to it. Problems are
// reported through add.
func toUTF8(name string, b []byte, add func(Problem)) []byte {
	switch {
	case bytes.HasPrefix(b, []byte("\xef\xbb\xbf")):
		b = b[3:]
	case bytes.HasPrefix(b, []byte("\xff\xfe")), bytes.HasPrefix(b, []byte("\xfe\xff")):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		if out, err := dec.Bytes(b); err == nil {
			return repairUTF8(name, out, add)
		}
	}
	if utf8.Valid(b) {
		return b
	}
	if isBinary(b) {
		// Not text in any encoding: the caller says so, once.
		return bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	if m := xmlEncodingRE.FindSubmatch(b); m != nil && !bytes.EqualFold(m[1], []byte("utf-8")) {
		return b
	}
	if !hasUTF8Sequence(b) {
		if out, err := charmap.Windows1252.NewDecoder().Bytes(b); err == nil {
			add(Problem{File: name, Kind: Note, Msg: "not UTF-8: read as Windows-1252 (Latin-1)"})
			return out
		}
	}
	return repairUTF8(name, b, add)
}

// hasUTF8Sequence reports whether b holds at least one valid multi-byte
// UTF-8 sequence.
func hasUTF8Sequence(b []byte) bool {
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		r, n := utf8.DecodeRune(b)
		if r != utf8.RuneError || n > 1 {
			return true
		}
		b = b[n:]
	}
	return false
}

// repairUTF8 replaces each run of invalid bytes by U+FFFD, reporting every
// line it touched with a piece of the repaired text around the damage.
func repairUTF8(name string, b []byte, add func(Problem)) []byte {
	if utf8.Valid(b) {
		return b
	}
	out := make([]byte, 0, len(b)+64)
	for n := 1; len(b) > 0; n++ {
		line := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line = b[:i+1]
		}
		b = b[len(line):]
		if utf8.Valid(line) {
			out = append(out, line...)
			continue
		}
		fixed := bytes.ToValidUTF8(line, []byte("\uFFFD"))
		out = append(out, fixed...)
		add(Problem{File: name, Line: n, Kind: Repaired, class: "utf8",
			Msg: fmt.Sprintf("invalid UTF-8 replaced by U+FFFD: %q", around(string(fixed), "\uFFFD"))})
	}
	return out
}

// around clips s to a few words either side of the first mark.
func around(s, mark string) string {
	i := max(strings.Index(s, mark), 0)
	start, end := i-30, i+30
	if start < 0 {
		start = 0
	}
	if end > len(s) {
		end = len(s)
	}
	for start > 0 && !utf8.RuneStart(s[start]) {
		start--
	}
	for end < len(s) && !utf8.RuneStart(s[end]) {
		end++
	}
	out := normalizeSpace(s[start:end])
	if start > 0 {
		out = "…" + out
	}
	if end < len(s) {
		out += "…"
	}
	return out
}
