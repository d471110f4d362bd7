//go:build !(js && wasm)

package server

import (
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

// accessLog writes one line per request:
//
//	2026-11-28T10:04:05.123Z 127.0.0.1:51234 GET /web/app.wasm 200 2411824 8.412ms br
//
// time, remote address, method, path (escaped, without the query, which may
// hold a reader's search), status, body bytes sent, time taken, and the
// Content-Encoding sent ("-" for none).
type accessLog struct {
	mu sync.Mutex // one Write per line, whatever w is
	w  io.Writer
}

func (l *accessLog) write(start time.Time, r *http.Request, lw *loggedResponse) {
	status := lw.status
	if status == 0 {
		status = http.StatusOK // the handler wrote nothing at all
	}
	enc := lw.Header().Get("Content-Encoding")
	if enc == "" {
		enc = "-"
	}
	line := fmt.Sprintf("%s %s %s %s %d %d %.3fms %s\n",
		start.UTC().Format("2006-01-02T15:04:05.000Z07:00"),
		r.RemoteAddr, r.Method, r.URL.EscapedPath(),
		status, lw.bytes, float64(time.Since(start))/float64(time.Millisecond), enc)
	l.mu.Lock()
	defer l.mu.Unlock()
	io.WriteString(l.w, line)
}

// loggedResponse records the status and the body bytes of a response.
type loggedResponse struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (lw *loggedResponse) WriteHeader(code int) {
	if lw.status == 0 && code >= 200 {
		lw.status = code
	}
	lw.ResponseWriter.WriteHeader(code)
}

func (lw *loggedResponse) Write(p []byte) (int, error) {
	if lw.status == 0 {
		lw.status = http.StatusOK
	}
	n, err := lw.ResponseWriter.Write(p)
	lw.bytes += int64(n)
	return n, err
}

// ReadFrom keeps the sendfile path of the underlying ResponseWriter, which
// http.ServeContent reaches through io.Copy.
func (lw *loggedResponse) ReadFrom(src io.Reader) (int64, error) {
	if lw.status == 0 {
		lw.status = http.StatusOK
	}
	n, err := io.Copy(lw.ResponseWriter, src)
	lw.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (lw *loggedResponse) Unwrap() http.ResponseWriter { return lw.ResponseWriter }
