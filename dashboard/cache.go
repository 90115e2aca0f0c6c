package dashboard

import (
	"container/list"
	"sync"
	"time"
)

// Default bounds of the result cache: distinct filters (customer ids, say) make
// distinct keys without end, so the cache holds at most this many results and
// bytes, dropping the least recently used first.
const (
	DefaultCacheEntries = 1024
	DefaultCacheBytes   = 64 << 20
)

// cache holds view results in memory, keyed on view, options, filter and data
// version; a result older than the TTL is computed again. Concurrent requests for
// the same key compute once: the first computes, the others wait for its result.
// It holds at most maxEntries results and maxBytes bytes (as sizeOf estimates
// them), evicting the least recently used.
type cache struct {
	ttl        time.Duration
	now        func() time.Time
	maxEntries int
	maxBytes   int64

	mu       sync.Mutex
	entries  map[string]*list.Element // of *cacheEntry
	lru      *list.List               // most recently used first
	bytes    int64
	inflight map[string]*flight
}

type cacheEntry struct {
	key  string
	val  any
	at   time.Time
	size int64
}

type flight struct {
	done chan struct{}
	val  any
	err  error
}

func newCache(ttl time.Duration, now func() time.Time, maxEntries int, maxBytes int64) *cache {
	if maxEntries <= 0 {
		maxEntries = DefaultCacheEntries
	}
	if maxBytes <= 0 {
		maxBytes = DefaultCacheBytes
	}
	return &cache{ttl: ttl, now: now, maxEntries: maxEntries, maxBytes: maxBytes,
		entries: map[string]*list.Element{}, lru: list.New(), inflight: map[string]*flight{}}
}

// get returns the live entry for key.
func (c *cache) get(key string) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.entries[key]
	if !ok {
		return nil, false
	}
	e := el.Value.(*cacheEntry)
	if c.now().Sub(e.at) >= c.ttl {
		c.removeLocked(el)
		return nil, false
	}
	c.lru.MoveToFront(el)
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
		size := sizeOf(f.val)
		c.mu.Lock()
		now := c.now()
		c.putLocked(key, f.val, now, size)
		if storeKey != key {
			c.putLocked(storeKey, f.val, now, size)
		}
		c.mu.Unlock()
	}
	return f.val, false, f.err
}

// putLocked stores val under key and evicts, least recently used first, until
// the cache is within its bounds. A value larger than the byte bound is not kept.
func (c *cache) putLocked(key string, val any, now time.Time, size int64) {
	if el, ok := c.entries[key]; ok {
		c.removeLocked(el)
	}
	size += int64(len(key))
	if size > c.maxBytes {
		return
	}
	c.entries[key] = c.lru.PushFront(&cacheEntry{key: key, val: val, at: now, size: size})
	c.bytes += size
	for c.lru.Len() > c.maxEntries || c.bytes > c.maxBytes {
		c.removeLocked(c.lru.Back())
	}
}

func (c *cache) removeLocked(el *list.Element) {
	e := c.lru.Remove(el).(*cacheEntry)
	delete(c.entries, e.key)
	c.bytes -= e.size
}

// stats returns how many results and bytes the cache holds.
func (c *cache) stats() (entries int, bytes int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Len(), c.bytes
}

// Purge drops every cached result.
func (c *cache) purge() {
	c.mu.Lock()
	c.entries = map[string]*list.Element{}
	c.lru.Init()
	c.bytes = 0
	c.mu.Unlock()
}
