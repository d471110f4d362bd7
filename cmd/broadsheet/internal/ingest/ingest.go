// Package ingest turns the files people keep their archives in into a
// Broadsheet collection: CSV and TSV exports, RSS and Atom feeds, JSON and
// JSON Lines, folders of Markdown in the collection format itself, and the
// search-results text the seed collection came from.
//
// Like a feed reader it is built from small parts, one file each:
//
//	encoding.go  every file becomes valid UTF-8 first, repairs reported
//	format.go    the format is sniffed from the content (or forced)
//	results.go, csv.go, rss.go, atom.go, json.go, markdown.go
//	             one parser per format, each yielding Records: the raw
//	             fields with the file and line they came from
//	fields.go    the column (and JSON key) names of each field; -map
//	feed.go      the line of each RSS item and Atom entry, for messages
//	record.go    the adapter from Record to data.Article, the only place
//	             that cleans text (text.go) and reads dates (date.go)
//	duplicate.go versions of one article merged, the latest kept
//	slug.go      unique, stable slugs
//
// Problems carry the file and line they are about, and what was done:
//
//   - Repaired: the row is kept, mended. Broken bytes become U+FFFD; a CSV
//     row with more fields than its header is cut back to the header's
//     columns, the rest quoted in the report for mending by hand.
//   - Cut: a field beyond its limit (a 10 MB body, a title of thousands
//     of characters) was cut to it, and the row kept (limit.go).
//   - Rejected: the row is not an article: no title, a date that cannot be
//     read, a quote that swallowed the rows after it. This fails the run
//     unless SkipBad is set, when the row is left out. A missing date is
//     not a problem at all: the model has undated articles.
//   - Fatal: the file cannot be read (empty, binary, truncated, no title
//     column). This always fails the run.
//
// A failed run writes nothing (see Write).
//
// It is build-time code, imported by cmd/broadsheet and never by the app.
package ingest

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"broadsheet/data"
	"broadsheet/data/folder"
)

// Options steer a run.
type Options struct {
	// Name is the collection's name; by default that of the first source
	// that is a collection folder, else the first file's base name.
	Name string
	// Format forces every source to be read as one format; "" sniffs each.
	Format Format
	// Map names the columns (CSV, TSV) or keys (JSON) of some fields.
	Map FieldMap
	// DayFirst reads 07/03/2022 as 7 March, not July 3.
	DayFirst bool
	// SkipBad leaves out rows that cannot be read, reporting them, instead
	// of failing the run.
	SkipBad bool
	// Replace makes Write replace a collection already at its folder with
	// one of the sources alone; by default Write adds the sources to it.
	Replace bool
	// MaxBody is the most bytes of text an article's body keeps (see
	// limit.go); 0 means DefaultMaxBody.
	MaxBody int
	// Progress, if set, is called now and then with the bytes read so far
	// and in all.
	Progress func(done, total int64)
}

// Kind says how bad a problem is.
type Kind int

const (
	Note     Kind = iota // worth knowing; nothing was lost
	Repaired             // the row was mended to be read, and kept
	Cut                  // a field beyond its limit was cut (limit.go); the row is kept
	Rejected             // the row could not be read
	Fatal                // the file could not be read
)

// Problem is something wrong with the input, at a file and line (0 when
// the problem is the file's as a whole).
type Problem struct {
	File string
	Line int
	Kind Kind
	Msg  string

	class string // problems of one class are listed together (see Lines)
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

func (p Problem) Error() string { return p.String() }

// Report counts what a run did. Every row read is kept, merged into
// another, rejected or skipped as empty: Read = Kept + Merged + Rejected +
// Empty.
//
// A run that adds to an archive (a collection already at the output
// folder) counts the archive's articles apart: Archived were there before,
// and every one of them is still there after; of the rows read, Added are
// new articles and the Kept articles are the archive's and the added ones
// (Kept = Archived + Added), Merged the rows folded into an article of the
// archive or into each other. Updated counts the archive's articles a
// later version replaced, each reported as a Note.
type Report struct {
	Read, Kept, Merged, Repaired, Rejected, Empty int
	Archived, Added, Updated                      int
	// Replaced is the number of articles of a collection that Write
	// replaced (Options.Replace), 0 when it added or wrote a new folder.
	Replaced int
	// Cut counts the fields cut to their limit (see limit.go).
	Cut      int
	Problems []Problem
	adding   bool
}

// Summary is the one-line account printed after a run.
func (r *Report) Summary() string {
	var s string
	if r.adding {
		s = fmt.Sprintf("in the archive %d; ", r.Archived)
	}
	s += fmt.Sprintf("read %d, ", r.Read)
	if r.adding {
		s += fmt.Sprintf("added %d", r.Added)
	} else {
		s += fmt.Sprintf("kept %d", r.Kept)
	}
	s += fmt.Sprintf(", merged %d, repaired %d, rejected %d", r.Merged, r.Repaired, r.Rejected)
	if r.Cut > 0 {
		s += fmt.Sprintf(", cut %d", r.Cut)
	}
	if r.Empty > 0 {
		s += fmt.Sprintf(" (and %d empty rows skipped)", r.Empty)
	}
	switch {
	case r.adding:
		s += fmt.Sprintf("; %d articles now", r.Kept)
		if r.Updated > 0 {
			s += fmt.Sprintf(" (%d of the archive's updated to a later version)", r.Updated)
		}
	case r.Replaced > 0:
		s += fmt.Sprintf("; replaced an archive of %d articles", r.Replaced)
	}
	return s
}

// Lines lists the problems for a person, at most max lines: problems of
// one kind in one file (37 rows with the same broken quote) share a line
// that gives the first in full and the lines of the others.
func (r *Report) Lines(max int) []string {
	type group struct {
		first Problem
		lines []int
		n     int
	}
	var groups []*group
	index := map[[2]string]*group{}
	for _, p := range r.Problems {
		k := [2]string{p.File, p.class}
		if p.class == "" {
			k[1] = p.Msg
		}
		g := index[k]
		if g == nil {
			g = &group{first: p}
			index[k] = g
			groups = append(groups, g)
			continue
		}
		g.n++
		if p.Line > 0 {
			g.lines = append(g.lines, p.Line)
		}
	}
	var out []string
	for i, g := range groups {
		if i == max {
			rest := 0
			for _, g := range groups[i:] {
				rest += 1 + g.n
			}
			out = append(out, fmt.Sprintf("... and %d more problems", rest))
			break
		}
		line := g.first.String()
		if g.n > 0 {
			line += fmt.Sprintf(" [and %d more like it", g.n)
			if len(g.lines) > 0 {
				var ls []string
				for j, l := range g.lines {
					if j == 10 {
						ls = append(ls, "…")
						break
					}
					ls = append(ls, strconv.Itoa(l))
				}
				line += ", lines " + strings.Join(ls, ", ")
			}
			line += "]"
		}
		out = append(out, line)
	}
	return out
}

// Write reads the sources into the collection folder dir, atomically: on
// any error nothing is written and a collection at dir is left as it was.
//
// A collection already at dir is an archive that the sources are added to:
// it is read with them, every article of it is kept (a version of one of
// them in the sources is merged into it), its name, description and slugs
// stay, and where a source has the same version as the archive the
// archive's is kept, so adding the same export twice changes nothing. Only
// opts.Replace writes the sources alone in its place.
//
// Replacing a folder that is not a collection (a typo of "-o ." or "-o ~")
// would throw away whatever is in it, so Write refuses to: dir must not
// exist, be empty, or hold a collection.md or articles folder.
func Write(dir string, opts Options, paths ...string) (*Report, error) {
	existing, err := collectionAt(dir)
	if err != nil {
		return &Report{}, err
	}
	run := newRun(&opts, paths)
	if existing && !opts.Replace {
		// The archive is read after the sources: where versions tie, the
		// later read wins, and that is the archive's.
		run.archive = dir
		for _, p := range paths {
			if same(p, dir) {
				run.rep.Problems = append(run.rep.Problems, Problem{File: p, Kind: Note,
					Msg: "is the output folder: its articles are kept, and not read twice"})
			}
		}
		paths = slices.DeleteFunc(slices.Clone(paths), func(p string) bool { return same(p, dir) })
	}
	if existing && opts.Replace {
		old, err := folder.ReadDir(dir)
		if err != nil {
			return run.rep, fmt.Errorf("%w (the folder to replace)", err)
		}
		run.rep.Replaced = len(old.Articles)
	}
	c, rep, err := run.files(paths)
	if err != nil {
		return rep, err
	}
	return rep, folder.WriteDir(dir, c)
}

// same reports whether two paths are the same file or folder.
func same(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

// collectionAt reports whether dir holds a collection, and an error when
// it is a folder of something else, which Write must not touch.
func collectionAt(dir string) (bool, error) {
	ents, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("output %s: %w", dir, err)
	case len(ents) == 0:
		return false, nil
	}
	for _, e := range ents {
		if e.Name() == "collection.md" || (e.Name() == "articles" && e.IsDir()) {
			return true, nil
		}
	}
	return false, fmt.Errorf("output %s is a folder that is not a collection (no collection.md or articles/): not writing into it", dir)
}

// Files reads every source into one collection. The report is complete
// even when the error is not nil; the collection is nil then.
func Files(opts Options, paths ...string) (*data.Collection, *Report, error) {
	return newRun(&opts, paths).files(paths)
}

// run is the state of one call of Files or Write.
type run struct {
	opts        *Options
	rep         *Report
	versions    []version
	fatal       int
	name, about string
	sources     []string
	done, total int64
	// archive is the collection folder the sources are added to, if any.
	archive string
}

func newRun(opts *Options, paths []string) *run {
	r := &run{opts: opts, rep: &Report{}}
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			r.total += st.Size()
		}
	}
	return r
}

// files reads the sources, then the archive if there is one, into one
// collection.
func (r *run) files(paths []string) (*data.Collection, *Report, error) {
	if len(paths) == 0 {
		return nil, r.rep, errors.New("no sources")
	}
	for _, p := range paths {
		r.source(p, false)
	}
	if r.archive != "" {
		r.rep.adding = true
		r.source(r.archive, true)
	}
	return r.finish()
}

// source reads one file or folder into the run; archived marks the
// archive being added to.
func (r *run) source(path string, archived bool) {
	s := &source{name: path, opts: r.opts, run: r}
	defer func() {
		slices.SortStableFunc(s.problems, func(a, b Problem) int { return cmp.Compare(a.Line, b.Line) })
		r.rep.Problems = append(r.rep.Problems, s.problems...)
	}()
	r.sources = append(r.sources, filepath.Base(filepath.Clean(path)))
	recs, err := s.read()
	if err != nil {
		var p Problem
		if !errors.As(err, &p) {
			p = Problem{File: path, Msg: err.Error()}
		}
		p.Kind = Fatal
		s.problems = append(s.problems, p)
		r.fatal++
		return
	}
	if archived {
		// The archive keeps its name and description, and every article:
		// one it cannot read fails the run rather than being left out.
		r.name, r.about = s.collectionName, s.collectionAbout
		if s.rejected > 0 || slices.ContainsFunc(s.problems, func(p Problem) bool { return p.Kind >= Rejected }) {
			s.add(Problem{File: path, Kind: Fatal, Msg: "the archive being added to has articles that cannot be read: mend them first"})
			r.fatal++
			return
		}
	}
	if r.name == "" {
		r.name = s.collectionName
	}
	if r.about == "" {
		r.about = s.collectionAbout
	}
	if archived {
		for i := range recs {
			a, err := adapt(&recs[i], r.opts.DayFirst)
			if err != nil {
				s.add(Problem{File: recs[i].File, Line: recs[i].Line, Kind: Fatal, Msg: err.Error() + " (in the archive being added to: mend it first)"})
				r.fatal++
				continue
			}
			r.versions = append(r.versions, version{a: a, order: len(r.versions), archived: true, file: recs[i].File, line: recs[i].Line})
			r.rep.Archived++
		}
		return
	}
	r.rep.Read += len(recs) + s.empty + s.rejected
	r.rep.Empty += s.empty
	r.rep.Rejected += s.rejected
	for i := range recs {
		a, err := adapt(&recs[i], r.opts.DayFirst)
		if err != nil {
			msg := err.Error()
			class, _, _ := strings.Cut(msg, `"`)
			s.add(Problem{File: recs[i].File, Line: recs[i].Line, Kind: Rejected, Msg: msg, class: class})
			r.rep.Rejected++
			continue
		}
		for _, msg := range limit(&a, r.opts.MaxBody) {
			field, _, _ := strings.Cut(msg, ":")
			s.add(Problem{File: recs[i].File, Line: recs[i].Line, Kind: Cut, Msg: msg, class: "cut " + field})
			r.rep.Cut++
		}
		r.versions = append(r.versions, version{a: a, order: len(r.versions), file: recs[i].File, line: recs[i].Line})
	}
	for _, p := range s.problems {
		if p.Kind == Repaired {
			r.rep.Repaired++
		}
	}
}

// finish merges, names and checks the collection.
func (r *run) finish() (*data.Collection, *Report, error) {
	rep := r.rep
	vs, merged := merge(r.versions)
	rep.Merged, rep.Kept = merged, len(vs)
	if rep.adding {
		r.counts(vs)
	}
	var errs []string
	if r.fatal > 0 {
		errs = append(errs, fmt.Sprintf("%d source(s) could not be read", r.fatal))
	}
	if rep.Rejected > 0 && !r.opts.SkipBad {
		errs = append(errs, fmt.Sprintf("%d row(s) could not be read (use -skip-bad to leave them out)", rep.Rejected))
	}
	if len(errs) == 0 && len(vs) == 0 {
		errs = append(errs, "no articles in the input")
	}
	if len(errs) > 0 {
		return nil, rep, errors.New(strings.Join(errs, "; "))
	}
	assignSlugs(vs)
	c := &data.Collection{Name: r.opts.Name, About: r.about}
	if c.Name == "" {
		c.Name = r.name
	}
	if c.Name == "" {
		base := r.sources[0]
		c.Name = strings.TrimSuffix(base, filepath.Ext(base))
	}
	if c.About == "" {
		c.About = "Ingested with broadsheet ingest from " + strings.Join(r.sources, ", ") + "."
	}
	c.Articles = make([]data.Article, len(vs))
	for i := range vs {
		c.Articles[i] = vs[i].a
	}
	c.Sort()
	if err := c.Validate(); err != nil {
		return nil, rep, err
	}
	return c, rep, nil
}

// counts tells, for a run adding to an archive, what became of the
// archive and of the rows read; a later version that replaces an article
// of the archive is reported.
func (r *run) counts(vs []version) {
	rep := r.rep
	rep.Added, rep.Updated = 0, 0
	for i := range vs {
		v := &vs[i]
		switch {
		case !v.hadArchived:
			rep.Added++
		case !v.archived:
			rep.Updated++
			rep.Problems = append(rep.Problems, Problem{File: v.file, Line: v.line, Kind: Note, class: "updated",
				Msg: fmt.Sprintf("a later version (%s) replaces the archive's %q (%s)", dateOrNone(v.a.Date), v.a.Slug, dateOrNone(v.was))})
		}
	}
	// Rows merged into each other or into the archive; the archive's own
	// articles are never merged away, so this is what the rows lost.
	rep.Merged = rep.Read - rep.Empty - rep.Rejected - rep.Added
}

func dateOrNone(d data.Date) string {
	if d.IsZero() {
		return "undated"
	}
	return d.String()
}

// source is one file or folder being read: what its parser needs, and
// what it found.
type source struct {
	name string
	b    []byte // the content as valid UTF-8 (nil for a folder)
	opts *Options
	run  *run

	problems []Problem
	empty    int // rows with nothing in them, skipped
	rejected int // rows rejected by the parser, before any Record

	// A collection folder names itself.
	collectionName, collectionAbout string
}

// read reads the source's records, choosing the parser by its format.
func (s *source) read() ([]Record, error) {
	st, err := os.Stat(s.name)
	if err != nil {
		return nil, errors.Unwrap(err) // the *PathError's message repeats the name
	}
	if st.IsDir() {
		if s.opts.Format != "" && s.opts.Format != FormatMarkdown {
			return nil, fmt.Errorf("a folder can only be read as %s, not %s", FormatMarkdown, s.opts.Format)
		}
		return parseMarkdownDir(s, os.DirFS(s.name))
	}
	raw, err := os.ReadFile(s.name)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, pe.Err
		}
		return nil, err
	}
	defer s.progress(int64(len(raw)), true)
	s.b = toUTF8(s.name, raw, s.add)
	if isBinary(s.b) {
		return nil, errors.New("binary data, not text: not a format Broadsheet reads")
	}
	f := s.opts.Format
	if f == "" {
		if f, err = Sniff(s.name, s.b); err != nil {
			return nil, err
		}
	}
	parse, ok := parsers[f]
	if !ok {
		return nil, fmt.Errorf("unknown format %q", f)
	}
	return parse(s)
}

// parsers reads each format.
var parsers = map[Format]func(*source) ([]Record, error){
	FormatResults:   parseResults,
	FormatCSV:       parseCSV,
	FormatTSV:       parseCSV,
	FormatRSS:       parseRSS,
	FormatAtom:      parseAtom,
	FormatJSON:      parseJSON,
	FormatJSONLines: parseJSONLines,
	FormatMarkdown:  parseMarkdownFile,
}

func (s *source) add(p Problem) { s.problems = append(s.problems, p) }

// repair reports a row that was mended and kept.
func (s *source) repair(line int, format string, args ...any) {
	s.add(Problem{File: s.name, Line: line, Kind: Repaired, Msg: fmt.Sprintf(format, args...), class: format})
}

// reject reports a row left out; the caller counts it.
func (s *source) reject(line int, format string, args ...any) {
	s.add(Problem{File: s.name, Line: line, Kind: Rejected, Msg: fmt.Sprintf(format, args...), class: format})
}

// note reports something worth knowing.
func (s *source) note(line int, format string, args ...any) {
	s.add(Problem{File: s.name, Line: line, Kind: Note, Msg: fmt.Sprintf(format, args...), class: format})
}

// fail is the error for a file that cannot be read at all.
func (s *source) fail(line int, format string, args ...any) error {
	return Problem{File: s.name, Line: line, Kind: Fatal, Msg: fmt.Sprintf(format, args...), class: format}
}

// progress tells the caller how far the source is read: off bytes, or all
// of it when end is set.
func (s *source) progress(off int64, end bool) {
	if s.opts.Progress == nil {
		return
	}
	if end {
		s.run.done += off
		s.opts.Progress(s.run.done, s.run.total)
		return
	}
	s.opts.Progress(s.run.done+off, s.run.total)
}
