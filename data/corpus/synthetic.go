package corpus

// FullText's collections behave like a news archive for the index and for
// compression, where a pool of recombined sentences does not (app/search's
// synthetic collection compresses 13–23× and its vocabulary stops
// growing). Every word is drawn afresh:
//
//   - Running text draws a word's rank from a Zipf distribution over an
//     unbounded vocabulary: the first ranks are the 4,000 commonest words
//     of the BBC feed of 2022 (vocabulary/words.txt), the rest are made of
//     syllables, one word per rank. The more text, the more rare words, as
//     in real archives (Heaps' law). A word is now and then followed by one
//     of a few words that tend to follow it: collocations.
//   - Each article has a topic: a few words it repeats and a cast of names
//     it mentions, first in full, then by surname. Names are drawn the same
//     way: the BBC's commonest (vocabulary/names.txt), then made-up people
//     and places whose Cyrillic spelling folds back to their Latin one
//     (Рахмон, rakhmon). Some articles write a person in Cyrillic.
//   - Numbers, sentences, paragraphs, dates (mostly to the day, some to the
//     month or year, a few undated), sources, authors and tags complete it.
//
// Measured (BenchmarkFullText): gzip makes a body 2.1× smaller, as it does
// the seed's real news (2.05×); the collection file 2.7× (brotli 3.4×;
// the seed's 2.5× and 3.2×); the vocabulary grows as n^0.67, 27,000 words
// at 1,000 articles, 581,000 at 100,000.
//
// The lists were made by mkvocabulary.go from the export; they are
// committed, so that the collection is the same on every machine, with or
// without shared/corpora.

//go:generate go run mkvocabulary.go

import (
	_ "embed"
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"broadsheet/data"
)

var (
	//go:embed vocabulary/words.txt
	wordsFile string
	//go:embed vocabulary/names.txt
	namesFile string
)

// FullText makes a collection of n news articles of 3–6 KB each,
// deterministically: the same n gives the same collection everywhere, and
// the articles of FullText(n) are among those of FullText(m) for m > n
// (article i is made from a random source of its own).
func FullText(n int) *data.Collection {
	lx := theLexicon()
	c := &data.Collection{
		Name:     fmt.Sprintf("Full text %d", n),
		About:    "Synthetic news articles for measuring search and start-up at scale: Zipf-distributed words over a vocabulary that keeps growing, names in Latin and Cyrillic, bodies of 3 to 6 KB.",
		Articles: make([]data.Article, n),
	}
	// Articles are independent, so the cores share them out.
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g := &articleWriter{lx: lx}
			for i := w; i < n; i += workers {
				c.Articles[i] = g.article(i)
			}
		}()
	}
	wg.Wait()
	c.Sort()
	return c
}

// The shape of the text. Fractions are of the words of running text.
const (
	fullTextSeed = 17

	// Running text draws a word's rank k with probability proportional to
	// (k + wordZipfV)^-wordZipfS. The exponent sets how fast the
	// vocabulary grows (about as n^(1/s)), the offset how flat the top is;
	// with these, the text compresses and grows like real news.
	wordZipfS   = 1.55
	wordZipfV   = 20
	followShare = 0.35 // how often a word is one of the few that tend to follow the one before
	successors  = 4

	// Names are drawn the same way, flatter at the top: the commonest is
	// in 2% of the articles.
	nameZipfS = 1.2
	nameZipfV = 10

	topicWords   = 5    // the words an article keeps coming back to
	topicShare   = 0.06 // how often running text is one of them
	nameShare    = 0.03 // how often it names someone of the article's cast
	numberShare  = 0.02
	commaShare   = 0.07
	cyrillicName = 0.08 // chance that an article writes a person in Cyrillic

	minBody = 3000
	maxBody = 6000 // a body ends at the first sentence past its length, below this
)

var (
	sources = []string{"The Morning Ledger", "Steppe Wire", "Harbour Herald", "Evening Courier", "Valley Times", "Continental Press"}
	tags    = []string{"politics", "economy", "courts", "health", "energy", "sport", "culture", "media",
		"migration", "education", "security", "environment", "technology", "transport", "religion",
		"elections", "agriculture", "labour", "housing", "diplomacy", "crime", "science", "business", "water"}
	firstDay = time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	days     = 10 * 365 // 2016 to 2025
)

// lexicon is the vocabulary's real part.
type lexicon struct {
	words []string // most frequent first
	names []string
}

var theLexicon = sync.OnceValue(func() *lexicon {
	return &lexicon{words: strings.Fields(wordsFile), names: strings.Fields(namesFile)}
})

// A name as an article writes it.
type name struct {
	first, last       string // first is "" for a place or a one-word name
	firstCyr, lastCyr string // the Cyrillic spelling; "" for the BBC's names
}

// articleWriter writes articles; one per goroutine, reusing its buffers.
type articleWriter struct {
	lx    *lexicon
	rng   *rand.Rand
	words *rand.Zipf
	topic []int
	cast  []name
	cyr   []bool // cast[i] is written in Cyrillic
	seen  []bool // cast[i] was named in full already
	b     []byte
	latin []string // the title's words in Latin letters, for the slug
}

func (g *articleWriter) article(i int) data.Article {
	g.rng = rand.New(rand.NewPCG(fullTextSeed, uint64(i)))
	g.words = rand.NewZipf(g.rng, wordZipfS, wordZipfV, 1<<40)
	g.topic = g.topic[:0]
	for len(g.topic) < topicWords {
		// A topic is not a function word.
		if r := int(g.words.Uint64()); r >= 100 {
			g.topic = append(g.topic, r)
		}
	}
	g.cast, g.cyr, g.seen = g.cast[:0], g.cyr[:0], g.seen[:0]
	names := rand.NewZipf(g.rng, nameZipfS, nameZipfV, 1<<40)
	for k := 2 + g.rng.IntN(4); k > 0; k-- {
		nm := g.lx.name(int(names.Uint64()))
		g.cast = append(g.cast, nm)
		g.cyr = append(g.cyr, nm.lastCyr != "" && g.rng.Float64() < cyrillicName)
		g.seen = append(g.seen, false)
	}

	a := data.Article{Language: "en", Source: sources[g.rng.IntN(len(sources))]}
	a.Title, a.Slug = g.title(i)
	a.Body = g.body()
	a.Date = g.date()
	if g.rng.IntN(5) > 0 {
		a.Author = g.lx.author(g.rng.IntN(40))
	}
	for k := 1 + g.rng.IntN(3); k > 0; k-- {
		if t := tags[g.rng.IntN(len(tags))]; !slices.Contains(a.Tags, t) {
			a.Tags = append(a.Tags, t)
		}
	}
	a.URL = "https://news.example/" + a.Slug
	return a
}

// title is 5 to 11 words, heavy with the topic and the cast, sometimes
// led by a name and a colon, as headlines are; and the slug made of it.
func (g *articleWriter) title(i int) (title, slug string) {
	g.b, g.latin = g.b[:0], g.latin[:0]
	n := 5 + g.rng.IntN(7)
	if g.rng.IntN(6) == 0 {
		g.appendName(g.rng.IntN(len(g.cast)), true)
		g.b = append(g.b, ':')
		n--
	}
	for k := 0; k < n; k++ {
		if len(g.b) > 0 {
			g.b = append(g.b, ' ')
		}
		start := len(g.b)
		switch p := g.rng.Float64(); {
		case p < 0.3:
			g.b = g.lx.appendWord(g.b, g.topic[g.rng.IntN(len(g.topic))])
		case p < 0.45:
			c := g.rng.IntN(len(g.cast))
			g.appendName(c, true)
			g.latin = append(g.latin, g.cast[c].last)
			continue
		default:
			g.b = g.lx.appendWord(g.b, int(g.words.Uint64()))
		}
		g.latin = append(g.latin, string(g.b[start:]))
	}
	capitalize(g.b)
	slug = fmt.Sprintf("%s-%d", strings.Join(g.latin[:min(6, len(g.latin))], "-"), i)
	return string(g.b), strings.ToLower(slug)
}

// body is paragraphs of one to four sentences until the article is long
// enough.
func (g *articleWriter) body() string {
	g.b = g.b[:0]
	target := minBody + g.rng.IntN(maxBody-minBody-400)
	for len(g.b) < target {
		g.b = append(g.b, "\n\n"...)
		for k := 1 + g.rng.IntN(4); k > 0 && len(g.b) < target; k-- {
			if g.b[len(g.b)-1] != '\n' {
				g.b = append(g.b, ' ')
			}
			g.sentence()
		}
	}
	return string(g.b[2:])
}

// sentence is 6 to 30 words of running text.
func (g *articleWriter) sentence() {
	start := len(g.b)
	n := 6 + g.rng.IntN(25)
	prev := -1
	for k := 0; k < n; k++ {
		if k > 0 {
			if g.rng.Float64() < commaShare && k < n-1 {
				g.b = append(g.b, ',')
			}
			g.b = append(g.b, ' ')
		}
		switch p := g.rng.Float64(); {
		case p < topicShare:
			g.b = g.lx.appendWord(g.b, g.topic[g.rng.IntN(len(g.topic))])
		case p < topicShare+nameShare:
			g.appendName(g.rng.IntN(len(g.cast)), false)
		case p < topicShare+nameShare+numberShare:
			g.appendNumber()
		default:
			r := int(g.words.Uint64())
			if prev >= 0 && g.rng.Float64() < followShare {
				if next := successor(prev, g.rng.IntN(successors)); next != prev {
					r = next
				}
			}
			g.b = g.lx.appendWord(g.b, r)
			prev = r
			continue
		}
		prev = -1
	}
	capitalize(g.b[start:])
	if g.rng.IntN(30) == 0 {
		g.b = append(g.b, '?')
	} else {
		g.b = append(g.b, '.')
	}
}

// appendName writes cast member k: in full the first time, then by the
// surname alone (or always by the surname, for a headline).
func (g *articleWriter) appendName(k int, short bool) {
	nm := g.cast[k]
	first, last := nm.first, nm.last
	if g.cyr[k] {
		first, last = nm.firstCyr, nm.lastCyr
	}
	if first != "" && !short && !g.seen[k] {
		g.b = append(g.b, first...)
		g.b = append(g.b, ' ')
		g.seen[k] = true
	}
	g.b = append(g.b, last...)
}

// appendNumber writes a count, a year, a percentage or a round figure.
func (g *articleWriter) appendNumber() {
	switch g.rng.IntN(4) {
	case 0:
		g.b = fmt.Appendf(g.b, "%d", 2+g.rng.IntN(98))
	case 1:
		g.b = fmt.Appendf(g.b, "%d", 1990+g.rng.IntN(36))
	case 2:
		g.b = fmt.Appendf(g.b, "%d%%", 1+g.rng.IntN(99))
	default:
		// Two significant digits, 1,000 to 99 million: "12,000", "4,700,000".
		v := (10 + g.rng.IntN(90)) * pow10(2+g.rng.IntN(6))
		g.b = appendThousands(g.b, v)
	}
}

func pow10(n int) int {
	v := 1
	for range n {
		v *= 10
	}
	return v
}

func appendThousands(b []byte, v int) []byte {
	s := fmt.Sprint(v)
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, byte(c))
	}
	return b
}

// date is mostly a day; one article in 25 has only its month, one in 30
// only its year, one in 30 none.
func (g *articleWriter) date() data.Date {
	t := firstDay.AddDate(0, 0, g.rng.IntN(days))
	switch p := g.rng.IntN(150); {
	case p < 6:
		return data.Date{Start: time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC), Precision: data.PrecisionMonth}
	case p < 11:
		return data.Date{Start: time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC), Precision: data.PrecisionYear}
	case p < 16:
		return data.Date{}
	}
	return data.Date{Start: t, Precision: data.PrecisionDay}
}

func capitalize(b []byte) {
	if len(b) > 0 && b[0] >= 'a' && b[0] <= 'z' {
		b[0] -= 'a' - 'A'
	}
}

// Made-up words and names are strings of syllables, a consonant and a
// vowel each. Every consonant and vowel has one Cyrillic letter that
// text.Fold reads back as it is written here (х is "kh", э "e").
var (
	consonants = []string{"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "ch", "zh", "kh"}
	vowels     = []string{"a", "e", "i", "o", "u"}
	cyrillic   = map[string]string{
		"b": "б", "d": "д", "f": "ф", "g": "г", "k": "к", "l": "л", "m": "м", "n": "н", "p": "п", "r": "р",
		"s": "с", "t": "т", "v": "в", "z": "з", "sh": "ш", "ch": "ч", "zh": "ж", "kh": "х",
		"a": "а", "i": "и", "o": "о", "u": "у",
	}
	wordEndings    = []string{"", "", "", "s", "n", "r", "t", "l", "ing", "ed"}
	surnameEndings = []string{"ov", "ev", "ova", "enko", "in", "ski", "zoda", "bek", "an", "i"}
	placeEndings   = []string{"stan", "abad", "grad", "ovo", "ia", "kent", "sk", "dar"}
)

const syllables = 18 * 5 // consonants × vowels

// appendWord writes the word of rank r: a real one for the first ranks,
// then a made-up one, a different one for every rank.
func (lx *lexicon) appendWord(b []byte, r int) []byte {
	if r < len(lx.words) {
		return append(b, lx.words[r]...)
	}
	// Number the made-up words by length, two syllables, then three...;
	// within a length, scramble the order (a multiplication modulo the
	// count, coprime to it) so that neighbouring ranks do not look alike.
	k := r - len(lx.words)
	n, size := 2, syllables*syllables
	for k >= size {
		k -= size
		n++
		size *= syllables
	}
	hi, lo := bits.Mul64(uint64(k), 1_000_003)
	k = int(bits.Rem64(hi, lo, uint64(size)))
	end := wordEndings[(r*7)%len(wordEndings)]
	for range n {
		s := k % syllables
		k /= syllables
		b = append(b, consonants[s%len(consonants)]...)
		b = append(b, vowels[s/len(consonants)]...)
	}
	return append(b, end...)
}

// name is the name of rank r: two in three the BBC's, in their order, one
// in three made up (as common as the BBC's, so that names written in
// Cyrillic are common too), and only made up once the BBC's run out. Of
// the made-up names, two in three are people, one in three places.
func (lx *lexicon) name(r int) name {
	if k := r - r/3 - 1; r%3 != 0 && k < len(lx.names) {
		return name{last: lx.names[k]}
	}
	rng := rand.New(rand.NewPCG(fullTextSeed, uint64(r)<<1|1))
	if rng.IntN(3) == 0 {
		return madeUp("", syllableString(rng, 2+rng.IntN(2))+placeEndings[rng.IntN(len(placeEndings))])
	}
	return madeUp(syllableString(rng, 2+rng.IntN(2)), syllableString(rng, 2+rng.IntN(2))+surnameEndings[rng.IntN(len(surnameEndings))])
}

// author is one of a small pool of made-up people.
func (lx *lexicon) author(k int) string {
	rng := rand.New(rand.NewPCG(fullTextSeed, uint64(k)<<1))
	first := syllableString(rng, 2)
	last := syllableString(rng, 2+rng.IntN(2)) + surnameEndings[rng.IntN(len(surnameEndings))]
	return titleCase(first) + " " + titleCase(last)
}

func syllableString(rng *rand.Rand, n int) string {
	var b []byte
	for range n {
		b = append(b, consonants[rng.IntN(len(consonants))]...)
		b = append(b, vowels[rng.IntN(len(vowels))]...)
	}
	return string(b)
}

func madeUp(first, last string) name {
	return name{first: titleCase(first), last: titleCase(last), firstCyr: toCyrillic(first), lastCyr: toCyrillic(last)}
}

func titleCase(s string) string {
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// toCyrillic spells a made-up name (lower case, of the letters above) in
// Cyrillic, capitalized. e is э at the start of a word and after a vowel,
// where е would read "ye".
func toCyrillic(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	vowel := true // at the start
	for i := 0; i < len(s); {
		if i+1 < len(s) && s[i+1] == 'h' && strings.IndexByte("szck", s[i]) >= 0 {
			b.WriteString(cyrillic[s[i:i+2]])
			i += 2
			vowel = false
			continue
		}
		c := s[i : i+1]
		switch {
		case c == "e" && vowel:
			b.WriteString("э")
		case c == "e":
			b.WriteString("е")
		default:
			b.WriteString(cyrillic[c])
		}
		vowel = strings.Contains("aeiou", c)
		i++
	}
	r := []rune(b.String())
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// successor is the j-th word that tends to follow the word of rank r, a
// rank drawn from the words' own distribution (the continuous Zipf with
// the same exponent and offset) by a hash of r and j: collocations.
func successor(r, j int) int {
	x := uint64(r)<<3 | uint64(j)
	// splitmix64
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	x ^= x >> 31
	u := (float64(x>>11) + 0.5) / (1 << 53)
	return int(min(wordZipfV*(math.Pow(u, -1/(wordZipfS-1))-1), 1<<40))
}
