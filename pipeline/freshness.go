package pipeline

import (
	"sync"
	"time"
)

// freshness is what one process knows of the orders it appended and the
// refreshes that folded them in: the signal a [Refresher] waits on, and the lag
// it measured. Orders appended by another process are not signalled here; the
// Refresher's fallback poll finds them.
type freshness struct {
	signal chan struct{} // holds one token while appends wait to be folded in

	// gate orders this process's appends against the start of a refresh: an
	// append commits and is counted under its read lock, a refresh counts the
	// appends and fixes its snapshot of RAW under the write lock. So the
	// appends a refresh counts are exactly those its snapshot holds; without
	// it an append committed between the count and the snapshot was folded in
	// yet stayed pending, and no refresh ever measured its lag. Both take
	// their pooled connection before the gate, never while holding it: a
	// refresh waiting for the pool under the write lock stalled every append.
	gate sync.RWMutex

	mu      sync.Mutex
	pending time.Time // commit time of the oldest append not yet folded in
	appends uint64    // appends committed so far
	lastLag time.Duration
	lastAt  time.Time
}

func newFreshness() *freshness {
	return &freshness{signal: make(chan struct{}, 1)}
}

// appending holds the gate for one append; call the result once it committed
// (and [freshness.appended] ran) or failed.
func (f *freshness) appending() (done func()) {
	f.gate.RLock()
	return f.gate.RUnlock
}

// starting holds the gate while a refresh begins; call the result, once, as
// soon as the refresh has counted the appends ([freshness.begin]) and read
// from its transaction. Calling it again does nothing.
func (f *freshness) starting() (started func()) {
	f.gate.Lock()
	var once sync.Once
	return func() { once.Do(f.gate.Unlock) }
}

// appended records an append committed at t and wakes a waiting Refresher.
func (f *freshness) appended(t time.Time) {
	f.mu.Lock()
	if f.pending.IsZero() {
		f.pending = t
	}
	f.appends++
	f.mu.Unlock()
	select {
	case f.signal <- struct{}{}:
	default: // a wake-up is already waiting
	}
}

// mark is what a refresh saw of the appends when it began.
type mark struct {
	pending time.Time
	appends uint64
}

func (f *freshness) begin() mark {
	f.mu.Lock()
	defer f.mu.Unlock()
	return mark{pending: f.pending, appends: f.appends}
}

// folded records that a refresh which began at m committed at t, and returns
// the lag it measured: from the oldest append it folded in to t (zero if it
// folded in none of this process's appends). Appends committed after m stay
// pending for the next refresh.
func (f *freshness) folded(m mark, t time.Time) time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	if m.pending.IsZero() {
		return 0
	}
	lag := max(0, t.Sub(m.pending))
	f.lastLag, f.lastAt = lag, t
	if f.appends == m.appends {
		f.pending = time.Time{}
	} else {
		// Appends arrived while the refresh ran; their exact commit times are
		// not kept, so the lag of the next refresh counts from this one's end.
		f.pending = t
	}
	return lag
}

// Freshness is what this process measured of its own appends: how long the last
// refresh took to fold them in, and since when orders have been waiting.
type Freshness struct {
	// LastLag is the time from the commit of the oldest append that the last
	// refresh folded in to that refresh's commit; zero before the first.
	LastLag time.Duration
	// LastFolded is when that refresh committed.
	LastFolded time.Time
	// WaitingSince is the commit time of the oldest append not yet folded in;
	// zero when none waits.
	WaitingSince time.Time
}

// Freshness reports the lag measured on the appends made through this
// Warehouse ([Warehouse.AppendOrders]). Orders that other processes append are
// seen by [Warehouse.Status] instead.
func (w *Warehouse) Freshness() Freshness {
	f := w.fresh
	f.mu.Lock()
	defer f.mu.Unlock()
	return Freshness{LastLag: f.lastLag, LastFolded: f.lastAt, WaitingSince: f.pending}
}
