package semantic

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Catalog describes a live warehouse's tables, for [Model.ValidateLive].
type Catalog interface {
	// Columns returns the columns of the physical table t, or [ErrTableNotFound]
	// (wrapped) when it does not exist.
	Columns(ctx context.Context, t BaseTable) ([]CatalogColumn, error)
}

// CatalogColumn is one column of a live table.
type CatalogColumn struct {
	Name     string
	DataType DataType // as the warehouse reports it, e.g. NUMBER, DECIMAL(38,2), TEXT
}

// ErrTableNotFound is returned (wrapped) by a [Catalog] for a missing table.
var ErrTableNotFound = errors.New("semantic: table not found")

// InformationSchema returns a [Catalog] that reads information_schema.columns
// through db. Set withDatabase for Snowflake, where the base table's database
// qualifies the lookup; the embedded engine holds one database, so it leaves it
// unset.
func InformationSchema(db *sql.DB, withDatabase bool) Catalog {
	return infoSchema{db: db, withDatabase: withDatabase}
}

type infoSchema struct {
	db           *sql.DB
	withDatabase bool
}

func (c infoSchema) Columns(ctx context.Context, t BaseTable) ([]CatalogColumn, error) {
	q := `SELECT column_name, data_type FROM information_schema.columns WHERE UPPER(table_schema) = UPPER(?) AND UPPER(table_name) = UPPER(?)`
	args := []any{t.Schema, t.Table}
	if c.withDatabase {
		q += ` AND UPPER(table_catalog) = UPPER(?)`
		args = append(args, t.Database)
	}
	rows, err := c.db.QueryContext(ctx, q+` ORDER BY ordinal_position`, args...)
	if err != nil {
		return nil, fmt.Errorf("semantic: read columns of %s: %w", qualified(t), err)
	}
	defer rows.Close()
	var out []CatalogColumn
	for rows.Next() {
		var col CatalogColumn
		if err := rows.Scan(&col.Name, &col.DataType); err != nil {
			return nil, err
		}
		out = append(out, col)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: %s", ErrTableNotFound, qualified(t))
	}
	return out, nil
}

func qualified(t BaseTable) string {
	parts := []string{}
	for _, p := range []string{t.Database, t.Schema, t.Table} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ".")
}

// ValidateLive checks the model against a live warehouse: every base table exists,
// and every column a dimension, time dimension, fact or filter reads exists with a
// type compatible with its data_type. It returns an [*Error] listing every
// mismatch; a catalog failure other than a missing table is returned as is.
func (m *Model) ValidateLive(ctx context.Context, cat Catalog) error {
	ps := &problems{src: m.src}
	for ti, t := range m.Tables {
		tp := indexPath("tables", ti)
		if t.BaseTable.Definition != "" {
			continue // a query, not a table: the server checks it
		}
		cols, err := cat.Columns(ctx, t.BaseTable)
		if errors.Is(err, ErrTableNotFound) {
			ps.errorf(join(tp, "base_table"), "table %s does not exist in the warehouse", qualified(t.BaseTable))
			continue
		}
		if err != nil {
			return err
		}
		live := make(map[string]CatalogColumn, len(cols))
		for _, c := range cols {
			live[strings.ToUpper(c.Name)] = c
		}
		check := func(path, expr string, dt DataType) {
			toks, err := lex(expr)
			if err != nil {
				return // reported by Validate
			}
			idents := columnIdents(toks)
			for _, id := range idents {
				c, ok := live[strings.ToUpper(id)]
				if !ok {
					ps.errorf(join(path, "expr"), "column %s is not in %s (columns: %s)", id, qualified(t.BaseTable), columnList(cols))
					continue
				}
				if len(idents) == 1 && dt != "" && !compatible(dt, c.DataType) {
					ps.errorf(join(path, "data_type"), "data_type %s does not fit column %s of type %s", dt, c.Name, c.DataType)
				}
			}
		}
		for i, d := range t.Dimensions {
			check(indexPath(join(tp, "dimensions"), i), d.Expr, d.DataType)
		}
		for i, d := range t.TimeDimensions {
			check(indexPath(join(tp, "time_dimensions"), i), d.Expr, d.DataType)
			for j, dp := range d.DateParts {
				check(indexPath(join(indexPath(join(tp, "time_dimensions"), i), "date_parts"), j), dp.Expr, "DATE")
			}
		}
		for i, f := range t.Facts {
			check(indexPath(join(tp, "facts"), i), f.Expr, f.DataType)
		}
		for i, f := range t.Filters {
			check(indexPath(join(tp, "filters"), i), f.Expr, "")
		}
	}
	errs, _ := split(ps.list)
	if len(errs) > 0 {
		return &Error{Problems: errs}
	}
	return nil
}

func columnList(cols []CatalogColumn) string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.Name
	}
	return strings.Join(names, ", ")
}

// compatible reports whether a model data type fits a live column type. Numbers
// fit numbers (a declared scale must match when both declare one); a date fits a
// timestamp column but not the other way round.
func compatible(model, live DataType) bool {
	mf, lf := model.Family(), live.Family()
	switch {
	case mf == lf && mf == FamilyNumber:
		ms, mok := model.Scale()
		ls, lok := live.Scale()
		return !mok || !lok || ms == ls
	case mf == lf:
		return true
	case mf == FamilyNumber && lf == FamilyFloat, mf == FamilyFloat && lf == FamilyNumber:
		return true
	case mf == FamilyDate && lf == FamilyTimestamp:
		return true
	}
	return false
}
