//go:build !(js && wasm)

package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"strconv"
	"time"
)

// Limits of the HTTP server. A site is read-only and its requests have no
// body, so everything but writing can be short.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 30 * time.Second
	// writeTimeout bounds one response: enough for a 10 MB app.wasm at
	// about 1 Mbit/s (precompressed it is a third of that).
	writeTimeout   = 2 * time.Minute
	idleTimeout    = 2 * time.Minute
	maxHeaderBytes = 64 << 10
	// shutdownTimeout is how long in-flight requests get to finish once
	// the server is told to stop.
	shutdownTimeout = 30 * time.Second
)

// NewHTTPServer returns an http.Server for h with the timeouts and limits
// above; the server's own errors (failed handshakes, accept errors) go to
// errlog.
func NewHTTPServer(h http.Handler, errlog io.Writer) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          log.New(errlog, "broadsheet serve: ", log.LstdFlags),
	}
}

// Run serves h on ln until ctx is done, then shuts down gracefully: it stops
// accepting connections, closes idle ones, and waits up to 30 seconds for
// requests in flight to finish. It returns nil after a clean shutdown, and an
// error if serving failed or requests had to be cut off.
func Run(ctx context.Context, ln net.Listener, h http.Handler, errlog io.Writer) error {
	return run(ctx, ln, NewHTTPServer(h, errlog), shutdownTimeout)
}

func run(ctx context.Context, ln net.Listener, srv *http.Server, grace time.Duration) error {
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	select {
	case err := <-served:
		return fmt.Errorf("serving on %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}

	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		<-served
		return fmt.Errorf("shutting down %s: requests still running after %v were cut off: %w", ln.Addr(), grace, err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serving on %s: %w", ln.Addr(), err)
	}
	return nil
}

// URL returns the address to open in a browser for a server listening on
// addr: http://localhost:PORT when it listens on every interface or on
// loopback, else http://HOST:PORT.
func URL(addr net.Addr) string {
	host, port := "localhost", ""
	if tcp, ok := addr.(*net.TCPAddr); ok {
		port = strconv.Itoa(tcp.Port)
		if ip := tcp.IP; ip != nil && !ip.IsUnspecified() && !ip.IsLoopback() {
			host = ip.String()
		}
	} else if _, p, err := net.SplitHostPort(addr.String()); err == nil {
		port = p
	}
	return "http://" + net.JoinHostPort(host, port)
}
