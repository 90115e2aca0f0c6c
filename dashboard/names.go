package dashboard

import (
	"fmt"
	"strconv"
	"strings"

	"context"

	"github.com/salesanalytics/salesanalytics/marts"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// CustomerName is a customer as a picker lists it: the id a filter takes and
// the name a person knows.
type CustomerName struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	Segment string `json:"segment"`
}

// MaxFound is the most customers [Dashboard.FindCustomers] returns.
const MaxFound = 50

// FindCustomers returns up to limit (at most MaxFound) customers whose name
// contains text, ignoring case, or whose id is text, in name order. The text
// is bound, never spliced into the SQL; over MaxValueBytes it is an error.
func (d *Dashboard) FindCustomers(ctx context.Context, text string, limit int) ([]CustomerName, error) {
	text = strings.TrimSpace(text)
	if err := checkSearch(text); err != nil {
		return nil, err
	}
	found, _, err := d.matchCustomers(ctx, func(q *marts.Queries) (string, []any) {
		// '!' escapes LIKE's wildcards: a backslash would itself need escaping
		// inside a Snowflake string literal, and means nothing in DuckDB's.
		where, args := "LOWER("+q.Col("CUSTOMER_NAME")+") LIKE ? ESCAPE '!'", []any{"%" + likeEscape(strings.ToLower(text)) + "%"}
		if id, err := strconv.ParseInt(text, 10, 64); err == nil {
			where, args = where+" OR "+q.Col("CUSTOMER_ID")+" = ?", append(args, id)
		}
		return where, args
	}, limit)
	return found, err
}

// customerMatches are the customers a name given for -customer could mean:
// those with exactly that name (ignoring case) if any, else those whose name
// contains it; the first limit by name, and how many there are in all.
func (d *Dashboard) customerMatches(ctx context.Context, name string, limit int) (found []CustomerName, total int, exact bool, err error) {
	name = strings.TrimSpace(name)
	if err := checkSearch(name); err != nil {
		return nil, 0, false, err
	}
	lower := strings.ToLower(name)
	found, total, err = d.matchCustomers(ctx, func(q *marts.Queries) (string, []any) {
		return "LOWER(" + q.Col("CUSTOMER_NAME") + ") = ?", []any{lower}
	}, limit)
	if err != nil || total > 0 {
		return found, total, true, err
	}
	found, total, err = d.matchCustomers(ctx, func(q *marts.Queries) (string, []any) {
		return "LOWER(" + q.Col("CUSTOMER_NAME") + ") LIKE ? ESCAPE '!'", []any{"%" + likeEscape(lower) + "%"}
	}, limit)
	return found, total, false, err
}

// checkSearch refuses a search text longer than MaxValueBytes.
func checkSearch(text string) error {
	if len(text) > MaxValueBytes {
		return fmt.Errorf("%w: customer search of %d bytes; at most %d", ErrInvalidFilter, len(text), MaxValueBytes)
	}
	return nil
}

// matchCustomers returns the first limit (at most MaxFound) customers the
// condition where selects, by name then id, and how many it selects in all.
func (d *Dashboard) matchCustomers(ctx context.Context, where func(*marts.Queries) (string, []any), limit int) ([]CustomerName, int, error) {
	limit = min(max(limit, 1), MaxFound)
	var out []CustomerName
	total := 0
	_, err := d.compute(ctx, func(e *env) error {
		q, t := e.q, warehouse.SalesByCustomer()
		cond, args := where(q)
		stmt := fmt.Sprintf("SELECT %s, %s, %s, COUNT(*) OVER () FROM %s WHERE %s ORDER BY %s, %s LIMIT %d",
			q.Col("CUSTOMER_ID"), q.Col("CUSTOMER_NAME"), q.Col("SEGMENT"), q.Ref(t),
			cond, q.Col("CUSTOMER_NAME"), q.Col("CUSTOMER_ID"), limit)
		rows, err := e.tx.QueryContext(ctx, stmt, args...)
		if err != nil {
			return fmt.Errorf("dashboard: find customers: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var c CustomerName
			if err := rows.Scan(&c.ID, &c.Name, &c.Segment, &total); err != nil {
				return fmt.Errorf("dashboard: find customers: %w", err)
			}
			out = append(out, c)
		}
		return rows.Err()
	})
	return out, total, err
}

// CustomerNames returns the names of the customers ids (at most
// MaxListValues); an id the data does not hold is left out.
func (d *Dashboard) CustomerNames(ctx context.Context, ids []int64) (map[int64]string, error) {
	if len(ids) > MaxListValues {
		return nil, fmt.Errorf("%w: %s: %d values; at most %d", ErrInvalidFilter, KeyCustomer, len(ids), MaxListValues)
	}
	out := map[int64]string{}
	if len(ids) == 0 {
		return out, nil
	}
	_, err := d.compute(ctx, func(e *env) error {
		rows, err := e.q.SalesByCustomer(ctx, marts.SalesByCustomerParams{CustomerIDs: ids})
		for _, r := range rows {
			out[r.CustomerID] = r.CustomerName
		}
		return err
	})
	return out, err
}

// likeEscape escapes LIKE's wildcards (and its escape character) in s, so a
// search for "50%" looks for those characters.
func likeEscape(s string) string {
	return strings.NewReplacer(`!`, `!!`, `%`, `!%`, `_`, `!_`).Replace(s)
}
