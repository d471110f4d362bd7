package cite

import (
	"encoding/json"
	"testing"
	"time"

	"broadsheet/data"
)

func TestCSL(t *testing.T) {
	a := &data.Article{Slug: "a", Title: "Rahmon Signs the Law", Source: "Radio Ozodi", Author: "A. Writer",
		Date: data.Date{Start: time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC), Precision: data.PrecisionMonth, Inferred: true},
		Tags: []string{"law", "likes"}}
	b, err := CSL([]*data.Article{a, {Slug: "b", Title: "Undated"}}, func(a *data.Article) string { return "https://x.example/article/" + a.Slug })
	if err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0]["type"] != "article-newspaper" || got[0]["container-title"] != "Radio Ozodi" {
		t.Fatalf("CSL = %s", b)
	}
	issued := got[0]["issued"].(map[string]any)
	parts := issued["date-parts"].([]any)[0].([]any)
	if len(parts) != 2 || parts[0].(float64) != 2025 || parts[1].(float64) != 5 || issued["circa"] != true {
		t.Errorf("issued = %v, want [[2025, 5]] circa", issued)
	}
	if _, ok := got[1]["issued"]; ok {
		t.Error("an undated article has an issued date")
	}
}

func TestCitation(t *testing.T) {
	may := data.Date{Start: time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC), Precision: data.PrecisionMonth, Inferred: true}
	for _, c := range []struct {
		a    data.Article
		url  string
		want string
	}{
		{data.Article{Title: "Tajikistan Abolishes Prosecution.", Date: may}, "https://x.example/a",
			"Tajikistan Abolishes Prosecution. (ca. 2025, May). https://x.example/a"},
		{data.Article{Title: "T", Author: "B. Writer", Source: "BBC News", Date: data.Date{Start: time.Date(2022, 3, 7, 8, 1, 56, 0, time.UTC), Precision: data.PrecisionTime}}, "",
			"B. Writer. (2022, March 7). T. BBC News."},
		{data.Article{Title: "Undated"}, "", "Undated. (n.d.)."},
	} {
		if got := Citation(&c.a, c.url); got != c.want {
			t.Errorf("Citation = %q\nwant        %q", got, c.want)
		}
	}
}
