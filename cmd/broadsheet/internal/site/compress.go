package site

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"math/bits"
	"os"
	"path/filepath"
	"strings"

	"github.com/andybalholm/brotli"
)

// compressible lists the extensions that get .br and .gz siblings: text,
// the wasm and the data files. Images are compressed already.
var compressible = map[string]bool{
	".html": true, ".js": true, ".css": true, ".json": true, ".webmanifest": true,
	".svg": true, ".wasm": true, ".bin": true, ".txt": true, ".xml": true,
}

// bigFile is the size from which brotli's slowest, densest quality pays:
// 11 takes about 20 s for a 7 MB wasm but saves 13% over quality 5, while
// on a 5 KB page it takes ~35 ms against ~4 ms for 15% of a small number;
// ten thousand article pages at quality 11 would take minutes.
const bigFile = 64 << 10

// precompressed returns the brotli and gzip (level 9) forms of b. Both
// encoders are deterministic, so identical input gives identical files.
// Big results are kept in a cache folder keyed by the content's hash:
// rebuilding an unchanged wasm costs nothing.
func precompressed(b []byte) (br, gz []byte, err error) {
	sum := sha256.Sum256(b)
	key := hex.EncodeToString(sum[:])
	dir := compressCacheDir()
	if dir != "" {
		br, err1 := os.ReadFile(filepath.Join(dir, key+".br"))
		gz, err2 := os.ReadFile(filepath.Join(dir, key+".gz"))
		if err1 == nil && err2 == nil {
			return br, gz, nil
		}
	}
	var bb bytes.Buffer
	quality := 5
	if len(b) >= bigFile {
		quality = 11
	}
	// A window no larger than the input: a 16 MB window for a 5 KB page
	// is mostly time spent clearing memory.
	lgwin := max(10, min(24, bits.Len(uint(len(b)))+1))
	bw := brotli.NewWriterOptions(&bb, brotli.WriterOptions{Quality: quality, LGWin: lgwin})
	if _, err := bw.Write(b); err != nil {
		return nil, nil, err
	}
	if err := bw.Close(); err != nil {
		return nil, nil, err
	}
	var gb bytes.Buffer
	gw, _ := gzip.NewWriterLevel(&gb, gzip.BestCompression)
	if _, err := gw.Write(b); err != nil {
		return nil, nil, err
	}
	if err := gw.Close(); err != nil {
		return nil, nil, err
	}
	br, gz = bb.Bytes(), gb.Bytes()
	if dir != "" && len(b) >= bigFile {
		// Only big inputs are worth a cache entry; a failed write only costs
		// time next build.
		if os.MkdirAll(dir, 0o755) == nil {
			writeCacheFile(filepath.Join(dir, key+".br"), br)
			writeCacheFile(filepath.Join(dir, key+".gz"), gz)
		}
	}
	return br, gz, nil
}

func writeCacheFile(name string, b []byte) {
	tmp := name + ".tmp"
	if os.WriteFile(tmp, b, 0o644) == nil {
		os.Rename(tmp, name)
	}
}

func compressCacheDir() string {
	if d := os.Getenv("BROADSHEET_CACHE"); d != "" {
		return d
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "broadsheet", "compressed")
}

func isCompressible(name string) bool {
	return compressible[strings.ToLower(filepath.Ext(name))]
}
