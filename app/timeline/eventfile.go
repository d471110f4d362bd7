package timeline

// The events file, as EncodeEvents writes it and DecodeEvents reads it
// back, is a data file (app/datafile: magic, header, sections, checksum,
// trailer) of kind "events file", built for the collection whose articles
// the events were read from. Its one section is
//
//	uvarint  number of events, E
//	E        events, in the order EncodeEvents was given them:
//	  uvarint  the article: its position in the collection
//	  date     the date mentioned
//	  date     the last period of a range, or the zero date
//	  uvarint  the sentence's index in the body
//	  uvarint  the sentence's start, in runes from the start of the body
//	  uvarint  the sentence's end − its start
//	  uvarint  the phrase's start, in runes from the sentence's start
//	  uvarint  the phrase's end − its start
//
// The sentence's paragraph is not stored: the article page finds it by
// splitting the body again, and nothing reads it from an event.
//
// A date is
//
//	byte     its precision (data.Precision), plus 8 when it was inferred;
//	         0 for the zero date, and then nothing follows
//	varint   its start, in whole seconds since 1970-01-01 UTC
//
// datafile.Read checks the envelope once, at the boundary; DecodeEvents
// then checks every event against its article's body, so that a stale
// file is one clear error and not a sentence cut wrongly later.

import (
	"encoding/binary"
	"fmt"
	"time"
	"unicode/utf8"

	"broadsheet/app/datafile"
	"broadsheet/data"
)

// eventsKind is the events file's kind; its version goes up whenever what
// the section holds changes (version 1 was JSON).
var eventsKind = datafile.Kind{Name: "events file", Version: 2, Sections: 1}

// maxOffset bounds a rune offset or a sentence's index before it is
// checked against the body.
const maxOffset = 1<<31 - 1

// EncodeEvents writes the events read from c's articles as the file the
// browser loads beside c.
func EncodeEvents(c *data.Collection, events []Event) ([]byte, error) {
	position := make(map[string]int, len(c.Articles))
	for i := range c.Articles {
		position[c.Articles[i].Slug] = i
	}
	b := binary.AppendUvarint(nil, uint64(len(events)))
	for i := range events {
		e := &events[i]
		a, ok := position[e.Article]
		if !ok {
			return nil, fmt.Errorf("event %d: no article %q in the collection", i, e.Article)
		}
		if why := e.check(utf8.RuneCountInString(c.Articles[a].Body)); why != "" {
			return nil, fmt.Errorf("event %d of %q: %s", i, e.Article, why)
		}
		b = binary.AppendUvarint(b, uint64(a))
		b = appendDate(b, e.Date)
		b = appendDate(b, e.Until)
		b = binary.AppendUvarint(b, uint64(e.Sentence.Index))
		b = binary.AppendUvarint(b, uint64(e.Sentence.Start))
		b = binary.AppendUvarint(b, uint64(e.Sentence.End-e.Sentence.Start))
		b = binary.AppendUvarint(b, uint64(e.PhraseStart))
		b = binary.AppendUvarint(b, uint64(e.PhraseEnd-e.PhraseStart))
	}
	return datafile.Write(eventsKind, len(c.Articles), c.Fingerprint(), b), nil
}

func appendDate(b []byte, d data.Date) []byte {
	p := byte(d.Precision)
	if d.Inferred {
		p |= 8
	}
	b = append(b, p)
	if d.IsZero() {
		return b
	}
	return binary.AppendVarint(b, d.Start.Unix())
}

// DecodeEvents reads what EncodeEvents wrote for c and checks every event
// against c, so that a stale events file is reported once, here, and not
// as a sentence cut wrongly later.
func DecodeEvents(c *data.Collection, b []byte) (*Events, error) {
	sections, err := datafile.Read(eventsKind, b, len(c.Articles), c.Fingerprint())
	if err != nil {
		return nil, err
	}
	d := datafile.NewDecoder(eventsKind)
	d.Section("events", sections[0])
	events := make([]Event, d.Count(d.Left()/8)) // an event takes eight bytes or more
	runes := make([]int, len(c.Articles))        // in each body, counted when first needed
	for i := range events {
		a := d.Count(len(c.Articles) - 1)
		e := Event{Date: readDate(d), Until: readDate(d)}
		e.Sentence.Index = d.Count(maxOffset)
		e.Sentence.Start = d.Count(maxOffset)
		e.Sentence.End = e.Sentence.Start + d.Count(maxOffset)
		e.PhraseStart = d.Count(maxOffset)
		e.PhraseEnd = e.PhraseStart + d.Count(maxOffset)
		if d.Err() != nil {
			break
		}
		art := &c.Articles[a]
		if runes[a] == 0 {
			runes[a] = utf8.RuneCountInString(art.Body)
		}
		e.Article = art.Slug
		if why := e.check(runes[a]); why != "" {
			return nil, eventsKind.Corrupt(fmt.Sprintf("event %d of %q: %s", i, art.Slug, why))
		}
		events[i] = e
	}
	if err := d.End(); err != nil {
		return nil, err
	}
	return NewEvents(c, events), nil
}

func readDate(d *datafile.Decoder) data.Date {
	p := d.Byte()
	date := data.Date{Precision: data.Precision(p &^ 8), Inferred: p&8 != 0}
	if date.Precision > data.PrecisionTime {
		d.Fail(fmt.Sprintf("a date of precision %d", date.Precision))
		return data.Date{}
	}
	if !date.IsZero() {
		date.Start = time.Unix(d.Varint(), 0).UTC()
	}
	return date
}

// check says what is wrong with an event whose article's body has n
// runes, if anything.
func (e *Event) check(n int) string {
	switch {
	case e.Sentence.Start < 0 || e.Sentence.End > n || e.Sentence.Start >= e.Sentence.End:
		return fmt.Sprintf("sentence %d..%d outside the body (%d runes)", e.Sentence.Start, e.Sentence.End, n)
	case e.PhraseStart < 0 || e.PhraseEnd > e.Sentence.End-e.Sentence.Start || e.PhraseStart >= e.PhraseEnd:
		return fmt.Sprintf("phrase %d..%d outside its sentence", e.PhraseStart, e.PhraseEnd)
	case e.Date.IsZero():
		return "no date"
	}
	return ""
}
