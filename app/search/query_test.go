package search

import (
	"reflect"
	"testing"
)

func TestParse(t *testing.T) {
	type part = []string
	tests := []struct {
		in        string
		must, not []part
	}{
		{"", nil, nil},
		{"   ", nil, nil},
		{"?!", nil, nil},
		{"likes", []part{{"likes"}}, nil},
		{"Telegram  channels", []part{{"telegram"}, {"channels"}}, nil},
		{`"social media likes"`, []part{{"social", "media", "likes"}}, nil},
		{`"social media`, []part{{"social", "media"}}, nil}, // still being typed
		{`“social media” likes`, []part{{"social", "media"}, {"likes"}}, nil},
		{`„social media“`, []part{{"social", "media"}}, nil},
		{`«social media»`, []part{{"social", "media"}}, nil},
		{"likes -tajikistan", []part{{"likes"}}, []part{{"tajikistan"}}},
		{`-"social media" likes`, []part{{"likes"}}, []part{{"social", "media"}}},
		{"likes -", []part{{"likes"}}, nil},
		{"likes −tajik", []part{{"likes"}}, []part{{"tajik"}}}, // minus sign
		{"co-operate", []part{{"co", "operate"}}, nil},         // a hyphen inside a word is not a minus
		{"Рахмон", []part{{"rakhmon"}}, nil},
		{"O‘zbekiston", []part{{"ozbekiston"}}, nil},
		{"Rahmon’s", []part{{"rahmon"}}, nil},
		{"179(3)", []part{{"179", "3"}}, nil},
		{"Фарҳод -Душанбе", []part{{"farhod"}}, []part{{"dushanbe"}}},
	}
	for _, tt := range tests {
		q := Parse(tt.in)
		var must, not []part
		for _, p := range q.Must {
			must = append(must, p.Terms)
		}
		for _, p := range q.Not {
			not = append(not, p.Terms)
		}
		if !reflect.DeepEqual(must, tt.must) || !reflect.DeepEqual(not, tt.not) {
			t.Errorf("Parse(%q) = must %q not %q, want must %q not %q", tt.in, must, not, tt.must, tt.not)
		}
	}
	if p := Parse(`x "social media" y`).Must[1]; p.Text != "social media" || !p.Phrase() {
		t.Errorf("phrase part = %+v, want its text without quotes, a phrase", p)
	}
}
