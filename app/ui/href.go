package ui

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// href makes an app path into a link that works under a sub-path (GitHub
// Pages). Prerendered pages get the prefix from the server's resource
// resolver; the live app's resolver only prefixes /web/ resources, so on
// the client the root prefix is added here.
func href(path string) string {
	if app.IsClient {
		return absPath(path)
	}
	return path
}

// withQuery appends ?q=… to path when q is not empty.
func withQuery(path, q string) string {
	if strings.TrimSpace(q) == "" {
		return path
	}
	return path + "?" + url.Values{"q": {q}}.Encode()
}

// appPath strips the root prefix (and a trailing slash) from a URL path,
// giving the path the routes know.
func appPath(u *url.URL) string {
	p := u.Path
	if prefix := rootPrefix(); prefix != "" {
		p = strings.TrimPrefix(p, prefix)
	}
	if len(p) > 1 {
		p = strings.TrimRight(p, "/")
	}
	if p == "" {
		p = "/"
	}
	return p
}
