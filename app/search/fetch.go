package search

import (
	"fmt"
	"sync"
)

// Fetch gets a shard of the index by name (a file under the site's web/).
type Fetch func(name string) ([]byte, error)

// arrival is a shard on its way: done is closed when it has been Added,
// or err says why not.
type arrival struct {
	done chan struct{}
	err  error
}

// maxRounds bounds the rounds of fetching one request takes. A query needs
// at most four: the chunks of its words (and the word pieces of a short
// prefix), the chunks of the completions a prefix picked, then the key
// chunks and word pieces of a word that found little, then the chunks of
// the spellings and typos they found.
const maxRounds = 8

// RunFetching runs r and, while its results name shards that have not
// arrived, fetches those (side by side), Adds them and runs r again. The
// results are complete unless the error says which shard could not be had
// or read; they are then what the other shards hold.
func (ix *Index) RunFetching(r Request, fetch Fetch) (Results, error) {
	res := ix.Run(r)
	for round := 0; len(res.Missing) > 0; round++ {
		if round == maxRounds {
			return res, fmt.Errorf("search: %d rounds of fetching and still missing %q", maxRounds, res.Missing)
		}
		if err := ix.Fetch(res.Missing, fetch); err != nil {
			return res, err
		}
		res = ix.Run(r)
	}
	return res, nil
}

// Fetch fetches the named shards side by side and Adds them. A shard that
// is on its way already, for another search (the keystroke before), is
// waited for rather than fetched again.
func (ix *Index) Fetch(names []string, fetch Fetch) error {
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		ix.mu.Lock()
		if ix.inFlight == nil {
			ix.inFlight = map[string]*arrival{}
		}
		a, waiting := ix.inFlight[name]
		if !waiting {
			a = &arrival{done: make(chan struct{})}
			ix.inFlight[name] = a
		}
		ix.mu.Unlock()
		wg.Add(1)
		go func() {
			defer wg.Done()
			if !waiting {
				b, err := fetch(name)
				if err == nil {
					err = ix.Add(name, b)
				} else {
					err = fmt.Errorf("loading %s: %w", name, err)
				}
				a.err = err
				ix.mu.Lock()
				delete(ix.inFlight, name) // a failed fetch is tried again next time
				ix.mu.Unlock()
				close(a.done)
			}
			<-a.done
			errs[i] = a.err
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err // one is enough to say what to do
		}
	}
	return nil
}
