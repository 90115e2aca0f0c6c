package pipeline

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// MartStatus reports one mart's freshness, in the shape of Snowflake's SHOW DYNAMIC
// TABLES on both engines.
type MartStatus struct {
	Name        string
	TargetLag   time.Duration
	RefreshMode string // AUTO, INCREMENTAL or FULL (Snowflake); the last refresh's kind (embedded)
	State       string // ACTIVE or SUSPENDED
	LastRefresh time.Time
	// Lag is how far behind RAW the mart is: zero when nothing is waiting, else the
	// time since the last refresh, or since the oldest waiting order appended
	// through this Warehouse when that is shorter.
	Lag time.Duration
	// Pending counts RAW orders not yet folded in (embedded engine only).
	Pending int64
	// FoldLag is the lag the last refresh measured on the orders appended
	// through this process's Warehouse: from their commit to the refresh's
	// commit (embedded engine only; zero before the first such refresh). See
	// [Warehouse.Freshness].
	FoldLag time.Duration
}

// WithinLag reports whether the mart is active and no further behind than its
// target lag.
func (s MartStatus) WithinLag() bool { return s.State == "ACTIVE" && s.Lag <= s.TargetLag }

// String renders the status on one line.
func (s MartStatus) String() string {
	return fmt.Sprintf("%-18s %-9s lag %-8s (target %s) last refresh %s, %d pending",
		s.Name, s.State, s.Lag.Round(time.Second), s.TargetLag, s.LastRefresh.UTC().Format(time.RFC3339), s.Pending)
}

// Status reports the freshness of every mart. An engine whose marts refresh
// themselves ([engine.DynamicTables]: Snowflake) reports their state; on the
// embedded engine it comes from the refresher's bookkeeping and the RAW orders
// still waiting.
func (w *Warehouse) Status(ctx context.Context) ([]MartStatus, error) {
	eng, n, now := w.eng, w.names, w.now
	if dt, ok := eng.(engine.DynamicTables); ok {
		states, err := dt.MartStates(ctx, n)
		if err != nil {
			return nil, fmt.Errorf("pipeline: mart status: %w", err)
		}
		at := now()
		out := make([]MartStatus, 0, len(states))
		for _, s := range states {
			st := MartStatus{Name: s.Name, TargetLag: s.TargetLag, RefreshMode: s.RefreshMode, State: s.State, LastRefresh: s.LastRefresh}
			if !s.DataTimestamp.IsZero() {
				st.Lag = max(0, at.Sub(s.DataTimestamp))
			}
			out = append(out, st)
		}
		return out, nil
	}
	d := eng.Dialect()
	st, ok, err := readState(ctx, eng.DB(), d, n)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("pipeline: the marts have not been built")
	}
	var pending int64
	q := fmt.Sprintf(`SELECT COUNT(*) FROM %s WHERE %s > ?`, warehouse.RawOrders().Ref(d, n), d.Quote("LOADED_AT"))
	mark := st.watermark.Time
	if !st.watermark.Valid {
		mark = time.Time{}
	}
	if err := eng.DB().QueryRowContext(ctx, q, mark).Scan(&pending); err != nil {
		return nil, fmt.Errorf("pipeline: count pending orders: %w", err)
	}
	var lag time.Duration
	fr := w.Freshness()
	if pending > 0 {
		lag = now().Sub(st.at)
		if !fr.WaitingSince.IsZero() {
			lag = min(lag, now().Sub(fr.WaitingSince))
		}
	}
	out := make([]MartStatus, 0, 6)
	for _, m := range warehouse.AllMarts() {
		out = append(out, MartStatus{
			Name: m.Table.Name, TargetLag: warehouse.TargetLag, RefreshMode: strings.ToUpper(st.kind),
			State: "ACTIVE", LastRefresh: st.at, Lag: lag, Pending: pending, FoldLag: fr.LastLag,
		})
	}
	return out, nil
}

// Refresher keeps the embedded marts fresh. It refreshes as soon as orders are
// appended through its Warehouse ([Warehouse.AppendOrders] wakes it: no poll, so
// new orders reach every mart within the time of one incremental refresh), and
// also every Interval, for orders that other processes add to RAW.
type Refresher struct {
	// Warehouse is the warehouse to keep fresh.
	Warehouse *Warehouse
	// Interval between checks for orders that arrive without a wake-up (appended
	// by another process). Zero means a fifth of warehouse.TargetLag (1 minute).
	Interval time.Duration
	// OnRefresh, if not nil, is called after every refresh that did something, or
	// failed.
	OnRefresh func(RefreshResult, error)
}

func (r *Refresher) Run(ctx context.Context) error {
	if _, ok := r.Warehouse.eng.(engine.DynamicTables); ok {
		return ErrNotEmbedded
	}
	every := r.Interval
	if every <= 0 {
		every = warehouse.TargetLag / 5
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		res, err := r.Warehouse.Refresh(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if r.OnRefresh != nil && (err != nil || res.Kind != RefreshNone) {
			r.OnRefresh(res, err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-r.Warehouse.fresh.signal:
		case <-t.C:
		}
	}
}
