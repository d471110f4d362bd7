package text

import "testing"

func TestLatin(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Plain ASCII, kept as is.", "Plain ASCII, kept as is."},
		{"Рахмон", "Rakhmon"},
		{"Эмомали Рахмон", "Emomali Rakhmon"},
		{"Фарҳод Одинаев", "Farhod Odinayev"},
		{"Farҳod Odinaev", "Farhod Odinaev"},
		{"Мирзиёев", "Mirziyoyev"},
		{"Назарбаев", "Nazarbayev"},
		{"Қазақстан", "Qazaqstan"},
		{"Тоҷикистон", "Tojikiston"},
		{"Щукин", "Shchukin"},
		{"ЩУКИН", "SHCHUKIN"},
		{"ЦСКА", "TSSKA"},
		{"Ж.", "Zh."},
		{"«Жаңа Қазақстан»", "«Zhanga Qazaqstan»"},
		{"Ельцин", "Yeltsin"},
		{"Горбачёв", "Gorbachov"},
		{"Oʻzbekiston", "Oʻzbekiston"},
		{"Ўзбекистон", "Ozbekiston"},
		{"Türkmenistan, Aşgabat", "Turkmenistan, Asgabat"},
		{"Škoda, Łódź, Øresund, Straße", "Skoda, Lodz, Oresund, Strasse"},
		{"ﬁnal ＡＢＣ", "final ABC"},
		{"Київ", "Kiiv"},
		{"e\u0301te\u0301", "ete"},
	}
	for _, tt := range tests {
		if got := Latin(tt.in); got != tt.want {
			t.Errorf("Latin(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
