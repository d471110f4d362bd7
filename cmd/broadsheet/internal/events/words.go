package events

import (
	"strings"
	"time"

	"broadsheet/app/i18n"
)

// The words the patterns know, in one place, English and Russian side by
// side. The month names come from i18n's table, which the interface labels
// dates with.

// englishMonths are month names as written in English text: capitalised,
// full or abbreviated ("Sept" and "Sep"). Lower-case "may" and "march" are
// verbs and never read as months.
var englishMonths = map[string]time.Month{}

// russianMonths holds every case of every Russian month name, lower-cased:
// "июль", "июля", "июле", "июлю", "июлем", and so on. go-dateparser reads
// the genitive ("14 мая 2025") but not the prepositional of "в июле 2019
// года", the commonest way a Russian text dates a month.
var russianMonths = map[string]time.Month{}

func init() {
	for m := time.January; m <= time.December; m++ {
		for _, w := range i18n.English.MonthWords(m) {
			englishMonths[w] = m
		}
		for _, w := range i18n.Russian.MonthWords(m) {
			russianMonths[strings.ToLower(w)] = m
		}
	}
}

// month reads a token as a month name.
func month(t *token) (time.Month, bool) {
	if t.kind != word {
		return 0, false
	}
	if m, ok := englishMonths[t.text]; ok {
		return m, true
	}
	m, ok := russianMonths[t.lower]
	return m, ok
}

// monthCues are the words after which a month name alone ("in March",
// "late May", "в мае") is a date rather than a name or a verb.
var monthCues = set("in", "since", "by", "until", "till", "during", "from", "before", "after",
	"early", "late", "mid", "end", "beginning", "start", "middle", "last", "next", "this",
	"through", "throughout", "of",
	"в", "во", "с", "со", "до", "к", "по", "начале", "конце", "середине", "начала", "конца", "середины", "концу", "началу")

// yearCues are the words after which a four-digit number is a year: "in
// 2018", "as early as 2018", "a 2018 change", "since 2008".
var yearCues = set("in", "since", "by", "until", "till", "during", "from", "before", "after",
	"of", "as", "early", "late", "mid", "the", "a", "an", "this", "that", "between", "and",
	"circa", "around", "year", "summer", "winter", "spring", "autumn", "fall", "season", "to",
	"в", "во", "с", "со", "до", "к", "по", "от", "начале", "конце", "середине", "года", "году")

// yearWords follow a year in Russian: "в 2018 году", "2019 г.".
var yearWords = set("год", "года", "году", "годом", "годах", "г", "гг")

// notYearBefore are words after which a number is a label, not a date:
// "Article 2018", "No. 2020", "Group 24".
var notYearBefore = set("article", "articles", "no", "number", "group", "flight", "route", "room",
	"статья", "статьи", "статье", "№", "#", "$", "£", "€", "¥", "₽", "page", "pages", "chapter", "paragraph")

// quantityWords after a number make it a quantity: "2000 people", "1500
// years", "2019 votes".
var quantityWords = set("people", "persons", "men", "women", "children", "years", "year", "months",
	"days", "weeks", "hours", "minutes", "km", "kilometres", "kilometers", "miles", "metres", "meters",
	"tonnes", "tons", "troops", "soldiers", "dollars", "euros", "pounds", "manats", "somoni", "rubles",
	"roubles", "votes", "cases", "deaths", "staff", "jobs", "homes", "pupils", "students", "users",
	"more", "times", "%", "per", "percent", "new", "old", "others", "units", "sq", "square",
	"человек", "лет", "дней", "рублей", "долларов", "тысяч", "процентов")

var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
	"понедельник": time.Monday, "вторник": time.Tuesday, "среду": time.Wednesday, "четверг": time.Thursday,
	"пятницу": time.Friday, "субботу": time.Saturday, "воскресенье": time.Sunday,
}

// futureCues in a sentence make "on Monday" the next Monday, not the last.
var futureCues = set("will", "shall", "due", "upcoming", "plans", "expected", "scheduled", "будет", "состоится")

var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "several": 0, "few": 0, "some": 0,
	"год": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5,
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
