package dashboard

import (
	"sync"
	"time"
)

// cache holds view results in memory, keyed on view, options, filter and data
// version; a result older than the TTL is computed again. Concurrent requests for
// the same key compute once: the first computes, the others wait for its result.
type cache struct {
	ttl time.Duration
	now func() time.Time

	mu       sync.Mutex
	entries  map[string]cacheEntry
	inflight map[string]*flight
}

type cacheEntry struct {
	val any
	at  time.Time
}

type flight struct {
	done chan struct{}
	val  any
	err  error
}

func newCache(ttl time.Duration, now func() time.Time) *cache {
	return &cache{ttl: ttl, now: now, entries: map[string]cacheEntry{}, inflight: map[string]*flight{}}
}

// get returns the live entry for key.
func (c *cache) get(key string) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok {
		return nil, false
	}
	if c.now().Sub(e.at) >= c.ttl {
		delete(c.entries, key)
		return nil, false
	}
	return e.val, true
}

// do returns the live entry for key, or computes it once however many callers
// ask at the same time. compute returns the value and the key it belongs under
// (the data version it saw may be newer than the caller's); errors are not cached.
func (c *cache) do(key string, compute func() (any, string, error)) (any, bool, error) {
	if v, ok := c.get(key); ok {
		return v, true, nil
	}
	c.mu.Lock()
	if f, ok := c.inflight[key]; ok {
		c.mu.Unlock()
		<-f.done
		return f.val, true, f.err
	}
	f := &flight{done: make(chan struct{})}
	c.inflight[key] = f
	c.mu.Unlock()

	defer func() {
		c.mu.Lock()
		delete(c.inflight, key)
		c.mu.Unlock()
		close(f.done)
	}()
	var storeKey string
	f.val, storeKey, f.err = compute()
	if f.err == nil {
		c.mu.Lock()
		now := c.now()
		c.entries[key] = cacheEntry{val: f.val, at: now}
		if storeKey != key {
			c.entries[storeKey] = cacheEntry{val: f.val, at: now}
		}
		c.evictLocked(now)
		c.mu.Unlock()
	}
	return f.val, false, f.err
}

// evictLocked drops expired entries once the map grows, so a long-running server
// does not keep every version's results.
func (c *cache) evictLocked(now time.Time) {
	if len(c.entries) < 256 {
		return
	}
	for k, e := range c.entries {
		if now.Sub(e.at) >= c.ttl {
			delete(c.entries, k)
		}
	}
}

// Purge drops every cached result.
func (c *cache) purge() {
	c.mu.Lock()
	c.entries = map[string]cacheEntry{}
	c.mu.Unlock()
}
