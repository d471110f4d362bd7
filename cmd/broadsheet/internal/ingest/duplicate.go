package ingest

import (
	"hash/fnv"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"broadsheet/data"
)

// Two records are one article when they share a URL — compared without
// scheme, fragment, trailing slash or tracking parameters — or when they
// have the same title (compared by its words, so case, punctuation and
// curly quotes don't matter) on the same day. Undated records with the same
// title match only when their bodies are the same too: two undated
// "Editorial"s are two articles, but one read twice is one.
//
// The merged article is the latest version: the one with the later date;
// where the dates are equal or either is missing, the one read later (a
// later row, or a later file on the command line). An undated version
// counts as older than any dated one, which keeps the order total. Fields
// the latest version leaves empty are filled from the older ones, newest
// first, and the tags of all are pooled, so merging loses nothing it does
// not have to.

// trackingParams are query parameters that say how a reader arrived, not
// what they read.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gbraid": true, "wbraid": true,
	"msclkid": true, "yclid": true, "igshid": true, "mc_cid": true, "mc_eid": true,
	"_ga": true, "_gl": true, "ocid": true, "cmpid": true, "smid": true, "spm": true,
	"mkt_tok": true, "oly_anon_id": true, "oly_enc_id": true, "vero_id": true,
}

// trackingPrefixes cover families: Google's utm_*, AT Internet's at_* (the
// BBC's at_medium and at_campaign), comScore's ns_*.
var trackingPrefixes = []string{"utm_", "at_", "ns_", "pk_", "hsa_"}

func isTracking(key string) bool {
	k := strings.ToLower(key)
	if trackingParams[k] {
		return true
	}
	for _, p := range trackingPrefixes {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// cleanURL keeps a URL without its tracking parameters. A value that is
// not a URL at all (an RSS guid such as "60638042", an Atom "tag:" id) is
// an identifier, not a link, and is dropped.
func cleanURL(s string) string {
	if s == "" || strings.ContainsAny(s, " \t\n") {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	switch {
	case (u.Scheme == "http" || u.Scheme == "https") && u.Host != "":
	case u.Scheme == "" && (u.Host != "" || strings.Contains(strings.SplitN(u.Path, "/", 2)[0], ".")):
	default:
		return ""
	}
	if u.RawQuery == "" {
		return s
	}
	var keep []string
	for pair := range strings.SplitSeq(u.RawQuery, "&") {
		k, _, _ := strings.Cut(pair, "=")
		if k, err := url.QueryUnescape(k); pair != "" && (err != nil || !isTracking(k)) {
			keep = append(keep, pair)
		}
	}
	u.RawQuery = strings.Join(keep, "&")
	u.ForceQuery = false
	return u.String()
}

// urlKey is the form of a URL that duplicates share.
func urlKey(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Host == "" && u.Scheme != "") {
		return strings.ToLower(s)
	}
	host, path := strings.ToLower(u.Host), u.EscapedPath()
	if u.Host == "" {
		// "www.bbc.co.uk/news/x": the host is the first path segment.
		host, path, _ = strings.Cut(path, "/")
		host, path = strings.ToLower(host), "/"+path
	}
	host = strings.TrimSuffix(strings.TrimSuffix(host, ":80"), ":443")
	path = strings.TrimRight(path, "/")
	var query []string
	for k, vs := range u.Query() {
		if !isTracking(k) {
			for _, v := range vs {
				query = append(query, k+"="+v)
			}
		}
	}
	slices.Sort(query)
	key := host + path
	if len(query) > 0 {
		key += "?" + strings.Join(query, "&")
	}
	return key
}

// titleKey is the form of a title and date that duplicates share. An
// undated article has no date to share: its title and whole body must be
// the same instead.
func titleKey(a *data.Article) string {
	words := strings.FieldsFunc(strings.ToLower(a.Title), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if a.Date.IsZero() {
		h := fnv.New64a()
		h.Write([]byte(a.Body))
		return strings.Join(words, " ") + "\x00undated\x00" + strconv.FormatUint(h.Sum64(), 36)
	}
	when := a.Date.String()
	if a.Date.Precision == data.PrecisionTime {
		when = a.Date.Start.Format("2006-01-02")
	}
	return strings.Join(words, " ") + "\x00" + when
}

// version is one record's article, numbered in reading order.
type version struct {
	a     data.Article
	order int
	// file and line are where the version was read, for messages.
	file string
	line int
	// archived marks a version from the archive being added to; once
	// merged, hadArchived says whether the article was in the archive,
	// and was is the archive's date of it.
	archived, hadArchived bool
	was                   data.Date
}

// newer orders versions: the later date first, then the later read.
func newer(x, y *version) bool {
	xd, yd := !x.a.Date.IsZero(), !y.a.Date.IsZero()
	switch {
	case xd != yd:
		return xd
	case xd && !x.a.Date.Start.Equal(y.a.Date.Start):
		return x.a.Date.Start.After(y.a.Date.Start)
	}
	return x.order > y.order
}

// merge groups the versions of each article and returns one per article,
// in the order each was first read, with how many versions were merged
// away.
func merge(vs []version) (out []version, merged int) {
	parent := make([]int, len(vs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	// archived[root]: the group holds an article of the archive. Two such
	// groups are never joined: an archive keeps every article it has.
	archived := make([]bool, len(vs))
	for i := range vs {
		archived[i] = vs[i].archived
	}
	union := func(i, j int) {
		i, j = find(i), find(j)
		if archived[i] && archived[j] {
			return
		}
		archived[i] = archived[i] || archived[j]
		archived[j] = archived[i]
		if i < j {
			parent[j] = i
		} else if j < i {
			parent[i] = j
		}
	}
	seen := map[string]int{}
	for i := range vs {
		keys := []string{"", ""}
		if u := vs[i].a.URL; u != "" {
			keys[0] = "u" + urlKey(u)
		}
		if t := titleKey(&vs[i].a); t != "" {
			keys[1] = "t" + t
		}
		for _, k := range keys {
			if k == "" {
				continue
			}
			if j, ok := seen[k]; ok {
				union(i, j)
			} else {
				seen[k] = i
			}
		}
	}
	groups := map[int][]*version{}
	var roots []int
	for i := range vs {
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], &vs[i])
	}
	for _, r := range roots {
		g := groups[r]
		slices.SortStableFunc(g, func(x, y *version) int {
			if newer(x, y) {
				return -1
			}
			if newer(y, x) {
				return 1
			}
			return 0
		})
		v := *g[0]
		for _, older := range g[1:] {
			fillGaps(&v.a, &older.a)
		}
		for _, x := range g {
			if x.archived && !v.hadArchived {
				v.hadArchived, v.was = true, x.a.Date
			}
		}
		v.order = vs[r].order
		out = append(out, v)
		merged += len(g) - 1
	}
	return out, merged
}

// fillGaps copies into a what it lacks and b has.
func fillGaps(a, b *data.Article) {
	if a.Body == "" && b.Body != "" {
		a.Body, a.Truncated = b.Body, b.Truncated
	}
	if a.Date.IsZero() {
		a.Date = b.Date
	}
	for _, f := range []struct{ dst, src *string }{
		{&a.Summary, &b.Summary}, {&a.URL, &b.URL}, {&a.Source, &b.Source},
		{&a.Author, &b.Author}, {&a.Language, &b.Language}, {&a.Slug, &b.Slug},
	} {
		if *f.dst == "" {
			*f.dst = *f.src
		}
	}
	for _, t := range b.Tags {
		if !slices.Contains(a.Tags, t) {
			a.Tags = append(a.Tags, t)
		}
	}
}
