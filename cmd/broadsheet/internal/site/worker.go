package site

import (
	_ "embed"
	"encoding/json"
	"sort"
	"strings"
)

//go:embed app-worker.js
var workerTemplate string

// serviceWorker fills in what go-app's handler does not know: the shell's
// URL and the exact list of files to precache. go-app itself replaces
// {{.Version}} when it serves the template.
func serviceWorker(base string, precache []string) string {
	sort.Strings(precache)
	list, _ := json.Marshal(precache)
	s := strings.ReplaceAll(workerTemplate, "{{.Shell}}", base+"/")
	return strings.ReplaceAll(s, "{{.Precache}}", string(list))
}
