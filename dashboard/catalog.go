package dashboard

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/marts"
	"github.com/salesanalytics/salesanalytics/scan"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// Catalog is what a filter may name, read from the marts at one data version:
// the valid values of each field and the first and last days of data.
type Catalog struct {
	Version     string
	AsOf        time.Time
	First, Last time.Time // days of data; zero when there is none
	// DataAsOf is the date the data is read as of (RAW.SETTINGS: 2026-01-01
	// for the demo data): every day before it is over, whether or not it had
	// orders. Zero when the warehouse does not say.
	DataAsOf             time.Time
	Regions, Categories  []string
	Segments, Industries []string
	Channels             []string
	Reps                 map[int64]Rep
	Products             map[int64]ProductInfo
}

// Rep is a sales rep as the catalog knows it.
type Rep struct {
	ID           int64           `json:"id"`
	Name         string          `json:"name"`
	Region       string          `json:"region"`
	AnnualQuota  decimal.Decimal `json:"annual_quota"`
	MonthlyQuota decimal.Decimal `json:"monthly_quota"`
}

// ProductInfo is a product as the catalog knows it.
type ProductInfo struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Category string `json:"category"`
}

func readCatalog(ctx context.Context, db marts.DBTX, q *marts.Queries, v marts.Version) (*Catalog, error) {
	c := &Catalog{Version: v.Token, AsOf: v.AsOf, Reps: map[int64]Rep{}, Products: map[int64]ProductInfo{}}
	col := q.Col
	var first, last sql.NullTime
	row := db.QueryRowContext(ctx, fmt.Sprintf("SELECT MIN(%s), MAX(%s) FROM %s", col("SALES_DATE"), col("SALES_DATE"), q.Ref(warehouse.DailySales())))
	if err := row.Scan(&first, &last); err != nil {
		return nil, fmt.Errorf("dashboard: read the data's dates: %w", err)
	}
	if first.Valid {
		c.First, c.Last = day(first.Time.UTC()), day(last.Time.UTC())
	}
	lists := []struct {
		dst *[]string
		t   warehouse.Table
		col string
	}{
		{&c.Regions, warehouse.DailySales(), "REGION"},
		{&c.Categories, warehouse.SalesByProduct(), "CATEGORY"},
		{&c.Segments, warehouse.SalesByCustomer(), "SEGMENT"},
		{&c.Industries, warehouse.SalesByCustomer(), "INDUSTRY"},
		{&c.Channels, warehouse.FctOrders(), "CHANNEL"},
	}
	for _, l := range lists {
		vals, err := distinct(ctx, db, q, l.t, l.col)
		if err != nil {
			return nil, err
		}
		*l.dst = vals
	}
	rows, err := db.QueryContext(ctx, fmt.Sprintf("SELECT DISTINCT %s, %s, %s, %s, %s FROM %s",
		col("REP_ID"), col("REP_NAME"), col("REGION"), col("ANNUAL_QUOTA"), col("MONTHLY_QUOTA"), q.Ref(warehouse.SalesByRep())))
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var r Rep
		if err := rows.Scan(&r.ID, &r.Name, &r.Region, scan.Decimal(&r.AnnualQuota), scan.Decimal(&r.MonthlyQuota)); err != nil {
			rows.Close()
			return nil, fmt.Errorf("dashboard: read reps: %w", err)
		}
		c.Reps[r.ID] = r
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("dashboard: read reps: %w", err)
	}
	rows, err = db.QueryContext(ctx, fmt.Sprintf("SELECT DISTINCT %s, %s, %s FROM %s",
		col("PRODUCT_ID"), col("PRODUCT_NAME"), col("CATEGORY"), q.Ref(warehouse.SalesByProduct())))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var p ProductInfo
		if err := rows.Scan(&p.ID, &p.Name, &p.Category); err != nil {
			return nil, fmt.Errorf("dashboard: read products: %w", err)
		}
		c.Products[p.ID] = p
	}
	return c, rows.Err()
}

func distinct(ctx context.Context, db marts.DBTX, q *marts.Queries, t warehouse.Table, c string) ([]string, error) {
	rows, err := db.QueryContext(ctx, fmt.Sprintf("SELECT DISTINCT %s FROM %s ORDER BY 1", q.Col(c), q.Ref(t)))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fmt.Errorf("dashboard: read %s.%s: %w", t.Name, c, err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// resolve validates f against the catalog and returns its period: zero dates
// become the data's bounds; unknown values and ranges outside the data are
// errors naming the valid values.
func (c *Catalog) resolve(f Filter) (Period, error) {
	if err := f.Check(); err != nil {
		return Period{}, err
	}
	if c.First.IsZero() {
		return Period{}, fmt.Errorf("%w: the warehouse holds no orders", ErrInvalidFilter)
	}
	if err := c.known(f); err != nil {
		return Period{}, err
	}
	from, to := f.From, f.To
	if from.IsZero() {
		from = c.First
	}
	if to.IsZero() {
		to = c.Last
	}
	if from.After(to) {
		return Period{}, fmt.Errorf("%w: from %s is after to %s", ErrInvalidFilter, from.Format(time.DateOnly), to.Format(time.DateOnly))
	}
	if to.Before(c.First) || from.After(c.Last) {
		return Period{}, fmt.Errorf("%w: %s to %s is outside the data (%s to %s)", ErrInvalidFilter,
			from.Format(time.DateOnly), to.Format(time.DateOnly), c.First.Format(time.DateOnly), c.Last.Format(time.DateOnly))
	}
	return c.bounds().period(from, to, false), nil
}

// known reports the first value of f the catalog does not hold, naming the
// valid ones.
func (c *Catalog) known(f Filter) error {
	for _, ff := range filterFields {
		switch {
		case ff.Kind == FieldIDs && ff.known != nil:
			for _, id := range *ff.ids(&f) {
				if !ff.known(c, id) {
					return fmt.Errorf("%w: unknown %s %d (valid: ids %s)", ErrInvalidFilter, ff.Key, id, c.idRange(ff.Key))
				}
			}
		case ff.choices != nil:
			okay := ff.choices(c)
			for _, v := range ff.Strings(f) {
				if !slices.Contains(okay, v) {
					return fmt.Errorf("%w: unknown %s %q (valid: %s)", ErrInvalidFilter, ff.Key, v, strings.Join(okay, ", "))
				}
			}
		}
	}
	return nil
}

// idRange describes the valid ids of an id field.
func (c *Catalog) idRange(key string) string {
	if key == KeyRep {
		return idRange(c.Reps)
	}
	return idRange(c.Products)
}

// bounds are the days the data covers: its first order day to the eve of its
// as-of date (see [Catalog.End]).
func (c *Catalog) bounds() bounds { return bounds{c.First, c.End()} }

// Validate reports whether f is valid at the catalog's version.
func (c *Catalog) Validate(f Filter) error {
	_, err := c.resolve(f)
	return err
}

func idRange[V any](m map[int64]V) string {
	if len(m) == 0 {
		return "none"
	}
	lo, hi := int64(-1), int64(-1)
	for id := range m {
		if lo < 0 || id < lo {
			lo = id
		}
		if id > hi {
			hi = id
		}
	}
	if int64(len(m)) == hi-lo+1 {
		return fmt.Sprintf("%d to %d", lo, hi)
	}
	ids := make([]int64, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprint(id)
	}
	return strings.Join(parts, ", ")
}

// End is the last day the data covers: the day before its as-of date, or the
// last day with orders when that is later or the as-of date is unknown. Small
// data may have no order on 31 December and still hold the whole year. The
// date presets resolve against it ([Preset.Range]).
func (c *Catalog) End() time.Time {
	if c.DataAsOf.IsZero() || c.Last.IsZero() {
		return c.Last
	}
	if eve := day(c.DataAsOf).AddDate(0, 0, -1); eve.After(c.Last) {
		return eve
	}
	return c.Last
}

// readDataAsOf returns the as-of date in the warehouse's settings, or zero
// when there is none to read (a warehouse set up before the settings). It
// reads outside the view's transaction, which a failed statement would end.
func readDataAsOf(ctx context.Context, db *sql.DB, q *marts.Queries) time.Time {
	var at sql.NullTime
	err := db.QueryRowContext(ctx, fmt.Sprintf("SELECT MAX(%s) FROM %s", q.Col("AS_OF_DATE"), q.Ref(warehouse.Settings()))).Scan(&at)
	if err != nil || !at.Valid {
		return time.Time{}
	}
	return day(at.Time.UTC())
}
