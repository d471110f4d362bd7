package entities

import (
	_ "embed"
	"strings"
	"sync"

	"broadsheet/app/text"
)

// The word lists the name heuristic and the related-article terms lean on.
// Every word is written as text.Fold writes it: lower case, Latin letters
// (Cyrillic words transliterated as Fold does).

// englishWords are the lower-case words of an English dictionary: SCOWL's
// American English list at size 50, as Debian's wamerican 2020.12.07-2
// ships it (see english-words.COPYING), words of two or more letters a–z.
// A capitalized word that is an English word is, at the start of a run of
// capitals, more likely a sentence's or a heading's first word than a name
// ("Breeding Grounds", "Scripted Positivity").
//
//go:embed english-words.txt
var englishWordsText string

var englishWords = sync.OnceValue(func() map[string]bool {
	words := make(map[string]bool, 64000)
	for _, w := range strings.Split(englishWordsText, "\n") {
		if w != "" {
			words[w] = true
		}
	}
	return words
})

// set reads a list of words, each folded as the text's words are.
func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[text.Fold(w)] = true
	}
	return m
}

// functionWords never belong to a name and carry no topic: they end a run
// of capitalized words ("Who Films What Under the directive") and are left
// out of the terms that relate articles. English, then Russian.
var functionWords = set(`
a about above across after again against ago all almost along already also although always am among an and another any anyone anything are around as at away
be because been before being below between both but by can cannot could did do does doing done down during each either else enough even ever every
few for from further had has have having he her here hers herself him himself his how however i if in inside instead into is it its itself just last
least less let like made make many me might more most much must my myself near neither never next no nor not now of off often on once one only onto
or other others otherwise our ours ourselves out outside over own per perhaps rather same see seen several shall she should since so some something
still such than that the their theirs them themselves then there these they this those though through throughout thus to together too toward towards
under unless until up upon us very via was we well were what whatever when whenever where whereas whether which while who whoever whom whose why
with within without would yet you your yours yourself yourselves
said says say told according also mr mrs ms
и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет о из ему теперь когда даже ну
ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам
чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда
зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо
свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между это также которые который которая которое
`)

// fillerWords are the words of news writing in general, which say nothing
// of what two articles share: left out of the related-article terms (but,
// unlike function words, no break in a name).
var fillerWords = set(`
new old first second third last next year years time times day days week weeks month months today yesterday people person make makes making made
take takes taking took get gets got go goes going went come comes came coming remain remains remained including include includes way ways part
number numbers added saying reported reportedly despite back high low large small big long good bad great major key main recent recently early
earlier late later set put use used using known called given show shows showed shown want wants need needs found find left told asked say
whether though although also already around almost often among amid across able likely expected order week place places thing things sir dame
`)

// titleWords stand before names and are not part of them: "Minister Aida
// Balayeva", "First Deputy Prosecutor General Umed Karimzoda". They end a
// run of capitals, so the name after them stands alone.
var titleWords = set(`
president presidents vice prime minister ministers deputy deputies first prosecutor general attorney chief justice judge mr mrs ms miss dr doctor
prof professor sir dame lord lady king queen prince princess pope sheikh emir sultan governor mayor senator sen rep representative congressman
congresswoman chancellor secretary ambassador envoy spokesman spokeswoman spokesperson chairman chairwoman chairperson chair speaker commissioner
director head leader commander colonel col gen captain capt lieutenant lt major maj sergeant sgt officer inspector detective constable supt
superintendent archbishop bishop father rev reverend imam mullah ayatollah rabbi saint st foreign defence defense interior finance health culture
economy education khyakim hakim hokim akim ombudsman activist journalist lawyer blogger former late acting interim mp mps mep peer baroness baron
duke duchess count countess earl
prezident premyer ministr zamestitel glava deputat genprokuror posol spiker
`)

// orgWords mark a run of capitals as an organisation's, a building's or a
// place's name, not a person's: "Main Department of Corrections", "Le
// Bourget Airport", "Manchester Arena".
var orgWords = set(`
ministry ministries department office agency committee council commission court courts party parliament assembly senate congress government
administration authority authorities service services police army forces force guard guards bank fund company corporation corp inc ltd plc llc
group holding holdings airlines airways airport university college school academy institute institution foundation association union federation
league club society organisation organization centre center hospital clinic museum library theatre theater church mosque cathedral palace house
hall tower street road avenue lane square bridge station park stadium arena region province district city county state republic kingdom island
islands river lake sea ocean mountains mountain valley desert port channel network news times post radio tv television press review journal daily
weekly magazine festival award awards prize cup championship championships games olympics act bill code law treaty agreement convention
declaration report project programme program initiative campaign movement front alliance coalition fc united hotel restaurant market exchange
prison camp base embassy consulate town war orchestra band
`)

// monthDays are month and weekday names, English and Russian, whose
// capital says nothing about a name.
var monthDays = set(`
january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday
yanvar yanvarya fevral fevralya mart marta aprel aprelya may maya iyun iyunya iyul iyulya avgust avgusta sentyabr sentyabrya oktyabr oktyabrya
noyabr noyabrya dekabr dekabrya ponedelnik vtornik sreda chetverg pyatnitsa subbota voskresenye
`)

// givenNames are first names that are also English words: a run that
// starts with one is not dropped as a heading's first word ("Mark Brown",
// "Rose Ayling-Ellis").
var givenNames = set(`
mark bill will rose grace hope joy faith jack frank ray dean guy pat rob bob sue jean gene carol iris lily daisy holly ivy june april eve sandy rich
don chase grant hunter mason wade rusty dawn crystal amber ruby pearl jade heather olive violet brook cliff dale glen lance miles
earl victor sterling penny candy drew bud jimmy billy jerry harry sally peter patty jenny ted mike tom joe rod art hank max nat ward warren roger
randy rocky sunny misty angel harmony melody honey marshall gale gail charity patience constance felicity robin jay colin gordon neil norman
stanley sidney sydney wayne wesley lee kim rex carl barry terry ken kay nelson page may jan gay bobby nick matt tim sam ben dan
`)

// particles are the lower-case words inside names: Mohammed bin Salman,
// Ursula von der Leyen.
var particles = set(`bin ibn al el van von de da di du der den la le ter ben`)

// placeWords put a name after them in a place: "detained in Astana", "in
// Milton Keynes".
var placeWords = set(`in at near outside across inside`)

// commonEndings are the endings of English nouns that names do not have:
// a capitalized "Positivity" or "Restrictions" is a heading's word.
var commonEndings = []string{"ity", "ities", "ness", "tion", "tions", "sion", "sions", "ment", "ments", "ism", "isms", "ship", "ships", "hood"}
