package timeline

import (
	"bytes"
	"encoding/binary"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"broadsheet/app/datafile"
	"broadsheet/data"
)

func TestEventsFileRoundTrip(t *testing.T) {
	x := exportFixture(t)
	var all []Event
	for _, e := range x.Events {
		all = append(all, *e)
	}
	c := x.Source.collection
	b, err := EncodeEvents(c, all)
	if err != nil {
		t.Fatal(err)
	}
	ev, err := DecodeEvents(c, b)
	if err != nil {
		t.Fatal(err)
	}
	if len(ev.All) != 3 || ev.Text(&ev.All[2]) != "He was returned on March 25." || !ev.All[2].Date.Inferred {
		t.Errorf("round trip: %+v", ev.All)
	}
	if !reflect.DeepEqual(ev.All, all) {
		t.Errorf("round trip:\n got %+v\nwant %+v", ev.All, all)
	}
	// Events of one date keep the order they were written in.
	same := []Event{all[2], all[2], all[2]}
	same[0].PhraseEnd, same[1].PhraseEnd = same[0].PhraseStart+1, same[1].PhraseStart+2
	b2, err := EncodeEvents(c, same)
	if err != nil {
		t.Fatal(err)
	}
	if ev, err := DecodeEvents(c, b2); err != nil || !reflect.DeepEqual(ev.All, same) {
		t.Errorf("events of one date come back as %+v (%v), want %+v", ev.All, err, same)
	}
	c.Articles[0].Body = "short"
	if _, err := DecodeEvents(c, b); err == nil {
		t.Error("an events file that does not fit its collection was accepted")
	}
}

func TestEncodeEventsErrors(t *testing.T) {
	x := exportFixture(t)
	c := x.Source.collection
	e := *x.Events[0]
	e.Article = "nowhere"
	if _, err := EncodeEvents(c, []Event{e}); err == nil || !strings.Contains(err.Error(), `event 0: no article "nowhere" in the collection`) {
		t.Errorf("an event of no article: %v", err)
	}
	e = *x.Events[0]
	e.Date = data.Date{}
	if _, err := EncodeEvents(c, []Event{e}); err == nil || !strings.Contains(err.Error(), "no date") {
		t.Errorf("an event with no date: %v", err)
	}
}

func TestDecodeEventsCorrupt(t *testing.T) {
	x := exportFixture(t)
	c := x.Source.collection
	var all []Event
	for _, e := range x.Events {
		all = append(all, *e)
	}
	good, err := EncodeEvents(c, all)
	if err != nil {
		t.Fatal(err)
	}
	// with writes a file of one event, "In 2018" in the article "law" but
	// for the fields given (the article's position, the dates, the
	// sentence's index, start and length, the phrase's start and length).
	year2018 := binary.AppendVarint([]byte{byte(data.PrecisionYear)}, time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC).Unix())
	with := func(fields ...[]byte) []byte {
		return datafile.Write(eventsKind, len(c.Articles), c.Fingerprint(), slices.Concat(append([][]byte{{1}}, fields...)...))
	}
	law := func(article byte, date []byte, rest ...byte) []byte {
		return with([]byte{article}, date, []byte{0}, rest)
	}
	other := &data.Collection{Articles: slices.Clone(c.Articles)}
	other.Articles[1].Slug = "another"
	for _, tc := range []struct {
		name string
		c    *data.Collection
		b    []byte
		want string
	}{
		{"empty", c, nil, "events file: not an events file, or of another version"},
		{"JSON, the first version", c, []byte(`{"version":1,"events":[]}` + strings.Repeat(" ", 40)), "not an events file, or of another version"},
		{"entities file", c, datafile.Write(datafile.Kind{Name: "entities file", Version: 2, Sections: 3}, len(c.Articles), c.Fingerprint(), nil, nil, nil), "not an events file but an entities file"},
		{"truncated", c, good[:len(good)-10], "file is truncated"},
		{"flipped byte", c, func() []byte { b := slices.Clone(good); b[len(b)/2] ^= 1; return b }(), "checksum mismatch"},
		{"another collection", other, good, "built for another collection (2 articles; this one has 2)"},
		{"a sound event", c, law(1, year2018, 0, 0, 22, 3, 4), ""},
		{"no such article", c, law(2, year2018, 0, 0, 22, 3, 4), "events section, byte 2: number 2 out of range (at most 1)"},
		{"sentence past the body", c, law(1, year2018, 0, 0, 23, 3, 4), `event 0 of "law": sentence 0..23 outside the body (22 runes)`},
		{"phrase past the sentence", c, law(1, year2018, 0, 0, 22, 20, 4), `event 0 of "law": phrase 20..24 outside its sentence`},
		{"no date", c, law(1, []byte{0}, 0, 0, 22, 3, 4), `event 0 of "law": no date`},
		{"unknown precision", c, law(1, []byte{7}, 0, 0, 22, 3, 4), "a date of precision 7"},
		{"left over", c, with([]byte{1}, year2018, []byte{0, 0, 0, 22, 3, 4, 0}), "1 bytes left over"},
	} {
		ev, err := DecodeEvents(tc.c, tc.b)
		if tc.want == "" {
			if err != nil || len(ev.All) != 1 || ev.Text(&ev.All[0]) != "In 2018, a law passed." || ev.All[0].Date.String() != "2018" {
				t.Errorf("%s: %+v, %v", tc.name, ev, err)
			}
			continue
		}
		if err == nil || !datafile.IsCorrupt(err) || !strings.Contains(err.Error(), tc.want) || !strings.HasSuffix(err.Error(), "(rebuild the site with broadsheet build)") {
			t.Errorf("%s: got %v, want an error about %q", tc.name, err, tc.want)
		}
	}
	// Every single-byte change and every cut is caught, never a panic.
	for i := range good {
		b := bytes.Clone(good)
		b[i] ^= 0x40
		if _, err := DecodeEvents(c, b); err == nil {
			t.Fatalf("changing byte %d went unnoticed", i)
		}
		if _, err := DecodeEvents(c, good[:i]); err == nil {
			t.Fatalf("cutting at byte %d went unnoticed", i)
		}
	}
	// Damage that passes the checksum (a file written wrongly) is caught
	// by the range checks, never a panic: change each byte of the section
	// and write the file anew.
	sections, err := datafile.Read(eventsKind, good, len(c.Articles), c.Fingerprint())
	if err != nil {
		t.Fatal(err)
	}
	for j := range sections[0] {
		for _, v := range []byte{0, 0x7f, 0xff} {
			s := bytes.Clone(sections[0])
			s[j] = v
			if ev, err := DecodeEvents(c, with(s)); err == nil {
				for i := range ev.All {
					ev.Parts(&ev.All[i])
				}
			}
		}
	}
}
