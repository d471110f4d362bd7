package text

import (
	"strings"
	"testing"
	"unicode"
)

// translitTest is one word or phrase in one language: Latin is what Latin
// gives (case kept), Fold what the index stores.
type translitTest struct{ in, latin, fold string }

func testTranslit(t *testing.T, tests []translitTest) {
	t.Helper()
	for _, tt := range tests {
		if got := Latin(tt.in); got != tt.latin {
			t.Errorf("Latin(%q) = %q, want %q", tt.in, got, tt.latin)
		}
		if got := Fold(tt.in); got != tt.fold {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.fold)
		}
	}
}

func TestTranslitRussian(t *testing.T) {
	testTranslit(t, []translitTest{
		{"Москва", "Moskva", "moskva"},
		{"Эмомали Рахмон", "Emomali Rakhmon", "emomali rakhmon"},
		{"Ельцин", "Yeltsin", "yeltsin"},             // е starting a word
		{"Назарбаев", "Nazarbayev", "nazarbayev"},    // е after a vowel
		{"Медведев", "Medvedev", "medvedev"},         // е after a consonant
		{"подъезд", "podyezd", "podyezd"},            // е after ъ; ъ dropped
		{"Мирзиёев", "Mirziyoyev", "mirziyoyev"},     // ё
		{"Хрущёв", "Khrushchov", "khrushchov"},       // щ, and ё after it
		{"Соловьёв", "Solovyov", "solovyov"},         // ь dropped
		{"Чайковский", "Chaykovskiy", "chaykovskiy"}, // й
		{"Жириновский", "Zhirinovskiy", "zhirinovskiy"},
		{"Цой", "Tsoy", "tsoy"},
		{"выборы", "vybory", "vybory"},      // ы
		{"Эрмитаж", "Ermitazh", "ermitazh"}, // э
		{"Юрий", "Yuriy", "yuriy"},
		{"Ярослав", "Yaroslav", "yaroslav"},
		{"Шымкент", "Shymkent", "shymkent"},
		{"Таджикистан", "Tadzhikistan", "tadzhikistan"},
		{"ЦСКА", "TSSKA", "tsska"},
		{"ЩИ", "SHCHI", "shchi"},
		{"Щ.", "Shch.", "shch"},
		{"ЮНЕСКО и ЕС", "YUNESKO i YES", "yunesko i yes"},
	})
}

func TestTranslitKazakh(t *testing.T) {
	testTranslit(t, []translitTest{
		{"Қазақстан", "Qazaqstan", "qazaqstan"},
		{"Қасым-Жомарт Тоқаев", "Qasym-Zhomart Toqayev", "qasym zhomart toqayev"},
		{"Әлихан", "Alikhan", "alikhan"},
		{"Өскемен", "Oskemen", "oskemen"},
		{"Ұлытау", "Ulytau", "ulytau"},
		{"Үкімет", "Ukimet", "ukimet"},
		{"Жаңаөзен", "Zhangaozen", "zhangaozen"},
		{"Ғалым", "Ghalym", "ghalym"},
		{"Гауһар", "Gauhar", "gauhar"},
		{"ҚАЗАҚСТАН", "QAZAQSTAN", "qazaqstan"},
	})
}

func TestTranslitUzbekCyrillic(t *testing.T) {
	testTranslit(t, []translitTest{
		{"Ўзбекистон", "Ozbekiston", "ozbekiston"},
		{"Шавкат Мирзиёев", "Shavkat Mirziyoyev", "shavkat mirziyoyev"},
		{"Тошкент", "Toshkent", "toshkent"},
		{"Ғафур Ғулом", "Ghafur Ghulom", "ghafur ghulom"},
		{"Қарши", "Qarshi", "qarshi"},
		{"Ҳамза", "Hamza", "hamza"},      // ҳ is h …
		{"Хоразм", "Khorazm", "khorazm"}, // … х stays kh
		{"Фарғона", "Farghona", "farghona"},
	})
}

func TestTranslitUzbekLatin(t *testing.T) {
	// Latin-script Uzbek writes oʻ and gʻ with U+02BB, and in practice with
	// every other apostrophe; they all fold away.
	tests := []struct{ in, fold string }{
		{"Oʻzbekiston", "ozbekiston"},
		{"O‘zbekiston", "ozbekiston"},
		{"O’zbekiston", "ozbekiston"},
		{"O'zbekiston", "ozbekiston"},
		{"Oʼzbekiston", "ozbekiston"},
		{"O`zbekiston", "ozbekiston"},
		{"Gʻafur Gʻulom", "gafur gulom"},
		{"Fargʻona", "fargona"},
		{"Shavkat Mirziyoyev", "shavkat mirziyoyev"},
		{"maʼlumot", "malumot"},
		{"Xorazm", "xorazm"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.fold {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.fold)
		}
	}
}

func TestTranslitTajik(t *testing.T) {
	testTranslit(t, []translitTest{
		{"Тоҷикистон", "Tojikiston", "tojikiston"},
		{"Фарҳод", "Farhod", "farhod"},
		{"Эмомалӣ Раҳмон", "Emomali Rahmon", "emomali rahmon"},
		{"Хуҷанд", "Khujand", "khujand"},
		{"Ғарм", "Gharm", "gharm"},
		{"Кӯлоб", "Kulob", "kulob"},
		{"Душанбе", "Dushanbe", "dushanbe"},
		{"Қӯрғонтеппа", "Qurghonteppa", "qurghonteppa"},
		{"ҲУҚУҚ", "HUQUQ", "huquq"},
	})
}

func TestTranslitKyrgyz(t *testing.T) {
	testTranslit(t, []translitTest{
		{"Кыргызстан", "Kyrgyzstan", "kyrgyzstan"},
		{"Садыр Жапаров", "Sadyr Zhaparov", "sadyr zhaparov"},
		{"Бишкек", "Bishkek", "bishkek"},
		{"Өкмөт", "Okmot", "okmot"},
		{"Ысык-Көл", "Ysyk-Kol", "ysyk kol"},
		{"жаңы мыйзам", "zhangy myyzam", "zhangy myyzam"},
		{"Үй", "Uy", "uy"},
	})
}

func TestTranslitTurkmenCyrillic(t *testing.T) {
	testTranslit(t, []translitTest{
		{"Түркменистан", "Turkmenistan", "turkmenistan"},
		{"Ашгабат", "Ashgabat", "ashgabat"},
		{"Бердимухамедов", "Berdimukhamedov", "berdimukhamedov"},
		{"Җума", "Juma", "juma"},
		{"Мәхри", "Makhri", "makhri"},
		{"Деңиз", "Dengiz", "dengiz"},
		{"Өмүр", "Omur", "omur"},
	})
}

func TestTranslitTurkmenLatin(t *testing.T) {
	tests := []struct{ in, fold string }{
		{"Türkmenistan", "turkmenistan"},
		{"Aşgabat", "asgabat"},
		{"Serdar Berdimuhamedow", "serdar berdimuhamedow"},
		{"Nyýazow", "nyyazow"},
		{"Çärjew", "carjew"},
		{"žurnalist", "zurnalist"},
		{"Türkmenbaşy", "turkmenbasy"},
		{"Ňeftçi", "neftci"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.fold {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.fold)
		}
	}
}

func TestTranslitUkrainian(t *testing.T) {
	testTranslit(t, []translitTest{
		{"Київ", "Kiiv", "kiiv"},
		{"Харків", "Kharkiv", "kharkiv"},
		{"Львів", "Lviv", "lviv"},
		{"Євген", "Yevgen", "yevgen"},
		{"Європа", "Yevropa", "yevropa"},
		{"Їжак", "Yizhak", "yizhak"},
		{"Ґудзь", "Gudz", "gudz"},
		{"Україна", "Ukraina", "ukraina"},
		{"Запоріжжя", "Zaporizhzhya", "zaporizhzhya"},
	})
}

func TestTranslitSerbian(t *testing.T) {
	testTranslit(t, []translitTest{
		{"Ђоковић", "Djokovic", "djokovic"},
		{"Љубљана", "Ljubljana", "ljubljana"},
		{"Његош", "Njegosh", "njegosh"},
		{"Јован", "Jovan", "jovan"},
	})
}

func TestTransliterateStage(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Latin only, ünchanged", "Latin only, ünchanged"},
		{"х Х", "kh Kh"},
		{"Хх ХХ", "Khkh KHKH"},
		{"ъ Ъ ь Ь", "   "},
		{"Еда, еда, ЕДА", "Yeda, yeda, YEDA"},
		{"Farҳod", "Farhod"}, // mixed scripts in one word
		{"ОАЭ", "OAE"},
		{"Ё", "Yo"},
		{"ЁЖ", "YOZH"},
		{"«Ж»", "«Zh»"},
		{"МЫ", "MY"},
		{"ГӀалгӀай", "Galgay"}, // palochka dropped
		{"Ѡ", "Ѡ"},             // old omega: not in the table, kept
	}
	for _, tt := range tests {
		if got := string(transliterate(nil, []byte(tt.in))); got != tt.want {
			t.Errorf("transliterate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCyrillicLatinCoversAlphabets checks that no letter of the alphabets
// the package promises is missing from the table, in either case.
func TestCyrillicLatinCoversAlphabets(t *testing.T) {
	alphabets := map[string]string{
		"Russian":   "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
		"Kazakh":    "әғқңөұүһі",
		"Uzbek":     "ўқғҳ",
		"Tajik":     "ғӣқӯҳҷ",
		"Kyrgyz":    "ңөү",
		"Turkmen":   "җәңөү",
		"Ukrainian": "іїєґ",
		"Serbian":   "ђјљњћџ",
	}
	for lang, letters := range alphabets {
		for _, r := range letters {
			if _, ok := cyrillicLatin(r, 0); !ok {
				t.Errorf("%s letter %c (U+%04X) is not in the table", lang, r, r)
			}
		}
		for _, s := range []string{letters, strings.ToUpper(letters)} {
			if got := Latin(s); HasCyrillic(got) || !isASCII(got) {
				t.Errorf("Latin(%s letters %q) = %q, want plain ASCII", lang, s, got)
			}
		}
	}
}

func TestIsCyrillic(t *testing.T) {
	for _, r := range "аЯёҳҷӣӯәөүұіңўһјґ" {
		if !IsCyrillic(r) {
			t.Errorf("IsCyrillic(%q) = false", r)
		}
	}
	for _, r := range "aZéşʻ1 -—«»" {
		if IsCyrillic(r) {
			t.Errorf("IsCyrillic(%q) = true", r)
		}
	}
	tests := []struct {
		in   string
		want bool
	}{
		{"", false},
		{"Rahmon", false},
		{"Рахмон", true},
		{"Farҳod", true},
		{"Oʻzbekiston", false},
	}
	for _, tt := range tests {
		if got := HasCyrillic(tt.in); got != tt.want {
			t.Errorf("HasCyrillic(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestCyrillicTermChain checks the shortcut the tokenizer takes for words
// of ASCII and Cyrillic letters: for every letter of the Cyrillic block,
// alone, after a vowel and capitalized before another letter, the short
// chain gives what the whole chain gives.
func TestCyrillicTermChain(t *testing.T) {
	var untransliterated []rune
	for r := rune(0x0400); r <= 0x04FF; r++ {
		if !isCyrillicLetterBlock(r) {
			continue
		}
		if !unicode.IsLetter(r) {
			t.Errorf("U+%04X %c is in isCyrillicLetterBlock but not a letter", r, r)
		}
		for _, word := range []string{string(r), "а" + string(r), string(unicode.ToUpper(r)) + "Б", "x" + string(r)} {
			var s1, s2 [2][]byte
			whole := string(termChain.run(&s1, []byte(word)))
			short := string(cyrillicTermChain.run(&s2, []byte(word)))
			if whole != short {
				t.Errorf("term of %q: whole chain %q, Cyrillic chain %q", word, whole, short)
			}
		}
		if HasCyrillic(Fold(string(r))) {
			untransliterated = append(untransliterated, r)
		}
	}
	t.Logf("letters left in Cyrillic (not in the table, no base letter): %q", string(untransliterated))
}
