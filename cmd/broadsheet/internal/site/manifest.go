package site

import "encoding/json"

// manifest is the web app manifest. go-app writes its own with scope "/"
// and one size of icon; installing under a sub-path needs start_url and
// scope there, and the platforms ask for more icons (maskable included).
func manifest(base string) []byte {
	type icon struct {
		Src     string `json:"src"`
		Sizes   string `json:"sizes"`
		Type    string `json:"type"`
		Purpose string `json:"purpose,omitempty"`
	}
	m := struct {
		ID              string `json:"id"`
		Name            string `json:"name"`
		ShortName       string `json:"short_name"`
		Description     string `json:"description"`
		Lang            string `json:"lang"`
		StartURL        string `json:"start_url"`
		Scope           string `json:"scope"`
		Display         string `json:"display"`
		BackgroundColor string `json:"background_color"`
		ThemeColor      string `json:"theme_color"`
		Icons           []icon `json:"icons"`
	}{
		ID:              base + "/",
		Name:            "Broadsheet — news archive explorer",
		ShortName:       "Broadsheet",
		Description:     description,
		Lang:            "en",
		StartURL:        base + "/",
		Scope:           base + "/",
		Display:         "standalone",
		BackgroundColor: backgroundColor,
		ThemeColor:      themeColor,
		Icons: []icon{
			{Src: base + "/web/icon-192.png", Sizes: "192x192", Type: "image/png", Purpose: "any"},
			{Src: base + "/web/icon-512.png", Sizes: "512x512", Type: "image/png", Purpose: "any"},
			{Src: base + "/web/icon-maskable-512.png", Sizes: "512x512", Type: "image/png", Purpose: "maskable"},
			{Src: base + "/web/icon.svg", Sizes: "any", Type: "image/svg+xml", Purpose: "any"},
		},
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		panic(err) // a fixed struct of strings always encodes
	}
	return b
}
