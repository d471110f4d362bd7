// Package text is the one text pipeline shared by index time and query
// time: what an article says and what a reader types go through the same
// steps, so that they meet. Readers type names of Central Asian people and
// places in Latin or Cyrillic, in several romanizations, and misspelled;
// the index must find Рахмон for "Rahmon" and Rakhmon for "Рахмон".
//
// The pipeline, after bleve's analyzers: a tokenizer, then a chain of
// stages, each a small function with one job and its own table test,
// assembled in analysis.go and nowhere else.
//
//  1. Tokenizer (EachToken, Tokens): cuts the original text into words,
//     runs of letters, digits and combining marks, and keeps each word's
//     place in runes so that the UI can highlight it. Apostrophes inside a
//     word belong to it (Oʻzbekiston is one word), hyphens and punctuation
//     split, the English possessive ’s is left out.
//  2. normalizeCompat: NFKC. Text arrives composed or decomposed, with
//     ligatures (ﬁ) and fullwidth letters (Ｔａｊｉｋ); after this stage a
//     letter is one code point, spelled one way.
//  3. lowerCase: case folding, so that RAHMON is Rahmon.
//  4. transliterate: Cyrillic to the Latin spellings English-language news
//     uses, with one table for Russian, Kazakh, Uzbek, Tajik, Kyrgyz,
//     Turkmen, Ukrainian and Serbian letters (cyrillic.go): Рахмон is
//     rakhmon, Фарҳод farhod, Қазақстан qazaqstan. It comes before accent
//     folding because й ё ї ў ӣ ӯ decompose to other Cyrillic letters.
//  5. foldAccents: é ö ş ç ğ ñ ä → e o s c g n a, by NFD and dropping the
//     diacritical marks, and the letters that do not decompose by table
//     (ø ł đ ß ı → o l d ss i). Latin-script Uzbek, Turkmen, Kazakh and
//     Turkish come out plain.
//  6. keepWordRunes: drops what the tokenizer let into a word but the term
//     must not have: apostrophes and modifier letters (O‘zbekiston →
//     ozbekiston), thousands separators (1,507 → 1507).
//
// The output of these is a term, what the index stores and looks up. Fold
// gives the terms of a string, space-separated.
//
// Key goes one step further for names: a loose match key under which the
// romanizations of a name meet (Rahmon, Rakhmon, Rahmonov; Nazarbayev,
// Nazarbaev; Kazakhstan, Qazaqstan). Its rules are listed, in order and
// with the reason for each, in keyRules. The index keeps keys beside terms
// and looks up by key when the exact term finds too little.
//
// Latin renders text for people rather than for the index: Cyrillic
// transliterated with the same table and accents folded, but case, spaces
// and punctuation kept ("Фарҳод Одинаев" → "Farhod Odinayev"). It is for
// slugs and for showing what a match came through, as does HasCyrillic.
//
// The package is pure Go so that it compiles into the wasm app: it uses the
// standard library and golang.org/x/text/unicode/norm only.
package text
