package pipeline

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// buildViews creates each STAGING view that is missing and re-creates one whose
// definition changed, comparing its fingerprint (warehouse.StagingView) with the
// one its COMMENT records (engine.Views). A set-up over an up-to-date warehouse
// runs no DDL on the views, which matters most on Snowflake: re-creating a view
// under a dynamic table makes the table's next refresh a reinitialisation. An
// engine that cannot list its views' comments gets every view re-created,
// reported as replaced.
//
// Each view's statements run in one transaction, so on DuckDB a view never
// exists without its fingerprint; Snowflake commits each DDL statement itself,
// and a view left without one is simply re-created by the next set-up.
func (w *Warehouse) buildViews(ctx context.Context) ([]Build, error) {
	var comments map[string]string
	if v, ok := w.eng.(engine.Views); ok {
		var err error
		if comments, err = v.ViewComments(ctx, w.names, warehouse.Staging); err != nil {
			return nil, fmt.Errorf("pipeline: %s: %w", PhaseStaging, err)
		}
	}
	var out []Build
	for _, v := range warehouse.StagingBuild(w.eng.Dialect(), w.names) {
		b := Build{Name: v.Table.Name, Action: BuildReplaced, Fingerprint: v.Fingerprint}
		if comments != nil {
			b.Action = buildAction(comments, v.Table.Name, v.Fingerprint)
		}
		if b.Action != BuildUnchanged {
			err := inTx(ctx, w.eng, func(tx *sql.Tx) error {
				for _, stmt := range v.SQL {
					if _, err := tx.ExecContext(ctx, stmt); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				return out, fmt.Errorf("pipeline: %s %s: %w", PhaseStaging, v.Table.Name, err)
			}
		}
		out = append(out, b)
	}
	return out, nil
}

// rebuiltViews names the views a set-up created or replaced, as the reason for
// rebuilding the embedded marts over them in full ("" when it touched none).
func rebuiltViews(builds []Build) string {
	var names []string
	for _, b := range builds {
		if b.Action != BuildUnchanged {
			names = append(names, b.Name)
		}
	}
	if len(names) == 0 {
		return ""
	}
	return "STAGING definitions changed (" + strings.Join(names, ", ") + ")"
}
