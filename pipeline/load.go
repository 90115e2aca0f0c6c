package pipeline

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// loadRaw loads one RAW table unless the manifest says it already holds this load.
func (w *Warehouse) loadRaw(ctx context.Context, t warehouse.Table, src engine.RowSource, fingerprint string, opts Options) (TableLoad, error) {
	eng, n := w.eng, w.names
	started := w.now()
	if ok, err := upToDate(ctx, eng, n, t, src.Rows, fingerprint); err != nil {
		return TableLoad{}, err
	} else if ok {
		opts.emit(Event{Phase: PhaseRaw, Table: t.Name, Done: src.Rows, Total: src.Rows, Skipped: true, Finished: true})
		return TableLoad{Table: t.Name, Rows: src.Rows, Skipped: true}, nil
	}
	progress := func(done int64) {
		opts.emit(Event{Phase: PhaseRaw, Table: t.Name, Done: done, Total: src.Rows})
	}
	if err := eng.Load(ctx, t, n, src, progress); err != nil {
		return TableLoad{}, fmt.Errorf("pipeline: load %s.%s: %w", n.SchemaFor(t.Layer), t.Name, err)
	}
	if err := w.recordLoad(ctx, t, src.Rows, fingerprint); err != nil {
		return TableLoad{}, err
	}
	opts.emit(Event{Phase: PhaseRaw, Table: t.Name, Done: src.Rows, Total: src.Rows, Finished: true})
	return TableLoad{Table: t.Name, Rows: src.Rows, Duration: w.now().Sub(started)}, nil
}

// upToDate reports whether t holds exactly rows rows from the load fingerprint.
func upToDate(ctx context.Context, eng engine.Engine, n warehouse.Names, t warehouse.Table, rows int64, fingerprint string) (bool, error) {
	d, m := eng.Dialect(), warehouse.LoadManifest()
	var fp string
	var want int64
	err := eng.DB().QueryRowContext(ctx,
		"SELECT "+d.Quote("FINGERPRINT")+", "+d.Quote("ROW_COUNT")+" FROM "+m.Ref(d, n)+" WHERE "+d.Quote("TABLE_NAME")+" = ?",
		t.Name).Scan(&fp, &want)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("pipeline: read load manifest: %w", err)
	}
	if fp != fingerprint || want != rows {
		return false, nil
	}
	switch exists, err := tableExists(ctx, eng.DB(), n, t); {
	case err != nil:
		return false, fmt.Errorf("pipeline: %w", err)
	case !exists:
		return false, nil // the table is gone: load it again
	}
	var have int64
	if err := eng.DB().QueryRowContext(ctx, "SELECT COUNT(*) FROM "+t.Ref(d, n)).Scan(&have); err != nil {
		return false, fmt.Errorf("pipeline: count %s: %w", t.Name, err)
	}
	return have == rows, nil
}

// recordLoad writes t's manifest row in one transaction.
func (w *Warehouse) recordLoad(ctx context.Context, t warehouse.Table, rows int64, fingerprint string) error {
	eng, n := w.eng, w.names
	d, m := eng.Dialect(), warehouse.LoadManifest()
	err := inTx(ctx, eng, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+m.Ref(d, n)+" WHERE "+d.Quote("TABLE_NAME")+" = ?", t.Name); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, engine.InsertSQL(d, n, m, 1), t.Name, fingerprint, rows, w.now().UTC())
		return err
	})
	if err != nil {
		return fmt.Errorf("pipeline: record load of %s: %w", t.Name, err)
	}
	return nil
}
